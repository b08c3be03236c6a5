import ArgumentParser
import RouteSim
import RouteSimScenario
import RouteSimReport
import RouteSimStore

/// `routesim sweep SCENARIO --vary KEY=VALUES`: the grid of every combination of the
/// varied keys, replicated, into one file, with a pivot table of the KPIs.
struct SweepCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of values and print a pivot table of the KPIs with 95 % CIs.",
        discussion: """
            VALUES is a list (workers.agents.count=10,12,14) or a range (workers.agents.count=10...16 or \
            10...16:2, both ends included). Several --vary make a grid, the first varying slowest. Every \
            point runs on the same callers (common random numbers), so neighbouring points differ only \
            by what was varied. Each run's point is stored in runs.point as a JSON object.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Erlang C from 12 to 15 agents, five replications per point, runs and intervals only",
         "routesim sweep scenarios/erlang-c.yaml --vary workers.agents.count=12...15 --replications 5 --record summary"),
        ("A grid of two groups' counts, service level and ASA only",
         "routesim sweep scenarios/quickstart.yaml --vary workers.early-lunch.count=4,5,6 --vary workers.late-lunch.count=4,6 --kpi sl --kpi asa"),
        ("The first of two parts of a sweep, for `routesim merge` (the second on another machine with --part 2/2)",
         "routesim sweep scenarios/erlang-c.yaml --vary workers.agents.count=12...15 --replications 5 --part 1/2 --out results/part1.sqlite"),
    ]

    @OptionGroup var input: ScenarioOptions

    @Option(help: "A key and its values: KEY=A,B,C or KEY=A...B[:STEP] (repeatable).")
    var vary: [String] = []

    @Option(help: "A KPI to tabulate (repeatable; default: sl, asa, abandon_rate, occupancy).")
    var kpi: [String] = []

    @OptionGroup var experiment: ExperimentOptions

    /// The KPIs tabulated without --kpi.
    static let defaultKPIs = ["sl", "asa", "abandon_rate", "occupancy"]

    func run() throws {
        let axes = try vary.map(SweepAxis.init(parsing:))
        guard !axes.isEmpty else { throw ExperimentError("sweep needs at least one --vary KEY=VALUES") }
        if let repeated = axes.map(\.key).firstDuplicate { throw ExperimentError("--vary \(repeated) is given twice") }
        let kpis = kpi.isEmpty ? Self.defaultKPIs : kpi
        if let unknown = kpis.first(where: { !ResultStore.kpiNames.contains($0) }) {
            throw ExperimentError("--kpi \(unknown): expected one of \(ResultStore.kpiNames.joined(separator: ", "))")
        }
        let common = input.overrides + experiment.seedOverride
        let grid = SweepAxis.grid(axes)
        var problems: [ScenarioError] = []
        var points: [(values: [String], spec: SimulationSpec, configuration: ConfigurationHash)] = []
        var warnings: [ScenarioError] = []
        for values in grid {
            let assignments = zip(axes, values).map { $0.key + "=" + $1 }
            do {
                let scenario = try ScenarioLoader.load(path: input.scenario, overrides: (assignments + common).map(Override.parse))
                try ScenarioOptions.refuseCallbackAnswers([scenario], command: "sweep")
                points.append((values, scenario.spec, scenario.configuration))
                warnings += scenario.warnings
            } catch {
                problems += error.errors.filter { problem in !problems.contains { $0.description == problem.description } }
            }
        }
        if !problems.isEmpty { throw ScenarioErrors(errors: problems) }
        try ScenarioOptions.warn(warnings, strict: input.strict)
        let plan = (0..<experiment.replications).flatMap { replication in
            points.map { point -> PlannedRun in
                var spec = point.spec
                spec.replication = replication
                let assignments = zip(axes, point.values).map { $0.key + "=" + $1 }
                return PlannedRun(
                    spec: spec,
                    info: RunInfo(
                        spec: spec, overrides: assignments + common, version: RouteSimVersion.current,
                        point: SweepPivot.pointJSON(axes: axes, values: point.values),
                        configuration: point.configuration.description))
            }
        }
        let path = experiment.output(name: points[0].spec.name, command: .sweep)
        try experiment.checkMemory(plan, for: .sweep)
        let running = try Experiment(.sweep, options: experiment, path: path)
        guard let runs = try running.runWholeOrPart(plan) else { return }
        let pivot = SweepPivot(axes: axes, points: points.map(\.values), kpis: kpis, runs: runs)
        if experiment.json {
            print(KPIFormat.jsonText(pivot.json(database: path, experiment: running.id)))
        } else {
            print("sweep: \(points[0].spec.name), \(points.count.counted("point")) × \(experiment.replications.counted("replication")) -> \(path) (experiment \(running.id))\n")
            print(pivot.text())
        }
    }
}
