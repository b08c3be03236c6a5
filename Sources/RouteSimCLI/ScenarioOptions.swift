import ArgumentParser
import RouteSimScenario

/// The scenario file and its `--set` overrides, as every command that reads a scenario
/// takes them.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .customLong("set"), help: "Override a key, e.g. workers.english.count=12 (repeatable).")
    var overrides: [String] = []

    /// Loads and validates the scenario with the overrides, then `extra` ones
    /// (`KEY=VALUE`, applied last).
    func load(extra: [String] = []) throws(ScenarioErrors) -> Scenario {
        try ScenarioLoader.load(path: scenario, overrides: (overrides + extra).map(Override.parse))
    }
}
