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

    /// Refuses, for batch command `command` (`run`, `compare`...), the agents of `scenarios`
    /// that leave their answer to the assignment callback (`answer: callback`): only
    /// `routesim serve` sends callbacks, and a batch run would leave every reservation of
    /// theirs to time out.
    static func refuseCallbackAnswers(_ scenarios: [Scenario], command: String) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        for scenario in scenarios {
            for group in scenario.spec.workerGroups where group.answer.byCallback {
                let error = ScenarioError(
                    file: scenario.path, keyPath: "workers.\(group.name).answer", line: nil, column: nil,
                    message: "callback needs routesim serve, which sends the workflow's assignment callbacks; routesim \(command) "
                        + "cannot answer them: expected an answer it simulates, e.g. {delay: 5s, reject: 0.1}, or run the scenario with routesim serve")
                if !errors.contains(error) { errors.append(error) }
            }
        }
        if !errors.isEmpty { throw ScenarioErrors(errors: errors) }
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
