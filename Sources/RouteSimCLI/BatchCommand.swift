import ArgumentParser
import RouteSim
import RouteSimScenario
import RouteSimStore

/// `routesim batch SCENARIO... --replications N`: independent replications of each
/// scenario into one file, with each KPI's mean and confidence interval.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run independent replications of one or more scenarios and summarise each KPI with its 95 % CI."
    )

    @Argument(help: "The scenario files (YAML or JSON).")
    var scenarios: [String]

    @Option(name: .customLong("set"), help: "Override a key in every scenario, e.g. workers.english.count=12 (repeatable).")
    var overrides: [String] = []

    @OptionGroup var experiment: ExperimentOptions

    func run() throws {
        var loaded: [Scenario] = []
        var problems: [ScenarioError] = []
        for path in scenarios {
            do {
                loaded.append(try ScenarioLoader.load(path: path, overrides: (overrides + experiment.seedOverride).map(Override.parse)))
            } catch {
                problems += error.errors
            }
        }
        if !problems.isEmpty { throw ScenarioErrors(errors: problems) }
        let name = loaded.count == 1 ? loaded[0].spec.name : "batch"
        let path = experiment.output(name: name, command: .batch)
        let plan = loaded.flatMap { scenario in
            (0..<experiment.replications).map { replication -> PlannedRun in
                var spec = scenario.spec
                spec.replication = replication
                return PlannedRun(
                    spec: spec,
                    info: RunInfo(spec: spec, overrides: overrides + experiment.seedOverride, version: RouteSimVersion.current))
            }
        }
        let running = try Experiment(.batch, options: experiment, path: path)
        _ = try running.run(plan)
        let report = GroupReport(groups: try running.store.summaries(experiment: running.id))
        if experiment.json {
            print(KPIFormat.jsonText(["database": path, "experiment": running.id, "groups": report.jsonObjects()]))
        } else {
            print("batch: \(plan.count) runs -> \(path) (experiment \(running.id)); KPIs exclude the warm-up\n")
            print(report.text())
        }
    }
}
