import ArgumentParser
import RouteSim
import RouteSimScenario
import RouteSimReport
import RouteSimStore

/// `routesim batch SCENARIO... --replications N`: independent replications of each
/// scenario into one file, with each KPI's mean and confidence interval.
struct BatchCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run independent replications of one or more scenarios and summarise each KPI with its 95 % CI."
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Twenty replications of the quickstart day: each KPI's mean and 95 % CI",
         "routesim batch scenarios/quickstart.yaml --replications 20"),
        ("Two scenarios into one file, two replications at a time",
         "routesim batch scenarios/quickstart.yaml scenarios/bilingual-support.yaml --replications 10 --jobs 2 --out results/two-centers.sqlite"),
        ("Runs and intervals only (no task rows), the summary as JSON",
         "routesim batch scenarios/erlang-c.yaml --replications 5 --record summary --json"),
    ]

    @Argument(help: "The scenario files (YAML or JSON).")
    var scenarios: [String]

    @Option(name: .customLong("set"), help: "Override a key in every scenario, e.g. workers.english.count=12 (repeatable).")
    var overrides: [String] = []

    @Flag(help: "Treat warnings (settings that are valid but cannot be what was meant) as errors.")
    var strict = false

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
        try ScenarioOptions.refuseCallbackAnswers(loaded, command: "batch")
        try ScenarioOptions.warn(loaded.flatMap(\.warnings), strict: strict)
        let name = loaded.count == 1 ? loaded[0].spec.name : "batch"
        let path = experiment.output(name: name, command: .batch)
        let plan = loaded.flatMap { scenario in
            (0..<experiment.replications).map { replication -> PlannedRun in
                var spec = scenario.spec
                spec.replication = replication
                return PlannedRun(
                    spec: spec,
                    info: RunInfo(
                        spec: spec, overrides: overrides + experiment.seedOverride, version: RouteSimVersion.current,
                        configuration: scenario.configuration.description))
            }
        }
        try experiment.checkMemory(plan, for: .batch)
        let running = try Experiment(.batch, options: experiment, path: path)
        guard let runs = try running.runWholeOrPart(plan) else { return }
        let groups = try ReportGroup.groups(in: running.store, runs: runs)
        if experiment.json {
            print(SummaryJSON(path: path, groups: groups).render())
        } else {
            print("batch: \(plan.count.counted("run")) (experiment \(running.id)); KPIs exclude the warm-up\n")
            print(SummaryText(path: path, groups: groups).render())
        }
    }
}
