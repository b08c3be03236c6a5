import ArgumentParser
import Foundation
import RouteSimScenario

/// The scenario file and its `--set` overrides, as every command that reads a scenario
/// takes them.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .customLong("set"), help: "Override a key, e.g. workers.english.count=12 (repeatable).")
    var overrides: [String] = []

    @Flag(help: "Treat warnings (settings that are valid but cannot be what was meant) as errors.")
    var strict = false

    /// Loads and validates the scenario with the overrides, then `extra` ones
    /// (`KEY=VALUE`, applied last), and prints its warnings (``warn(_:strict:)``).
    func load(extra: [String] = []) throws(ScenarioErrors) -> Scenario {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: (overrides + extra).map(Override.parse))
        try Self.warn(loaded.warnings, strict: strict)
        return loaded
    }

    /// Prints `warnings` on stderr, each once, or with `strict` throws them as errors.
    static func warn(_ warnings: [ScenarioError], strict: Bool) throws(ScenarioErrors) {
        let distinct = warnings.enumerated().filter { !warnings[..<$0.offset].contains($0.element) }.map(\.element)
        if strict, !distinct.isEmpty { throw ScenarioErrors(errors: distinct) }
        for warning in distinct {
            StandardError.say("warning: \(warning)")
        }
    }
}
