import ArgumentParser
import RouteSim
import RouteSimScenario
import RouteSimReport
import RouteSimStore

/// `routesim compare SCENARIO --variant A --variant B`: variants of one scenario on common
/// random numbers, with each variant's KPIs and the paired differences from the first.
struct CompareCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare variants of a scenario on the same callers: each KPI per variant and the paired difference with its 95 % CI.",
        discussion: """
            A variant is a name from the scenario's `variants:` block, or NAME:KEY=VALUE;KEY=VALUE \
            written inline. Replication r of every variant sees the same callers (arrival times, \
            attributes, work, patience, answers), so the difference of two variants is measured \
            replication by replication. A difference marked * has a 95 % CI that excludes zero.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("The scenario's own variants on the same ten days of callers",
         "routesim compare scenarios/single-vs-multi.yaml --variant single --variant multi --replications 10"),
        ("Variants written inline: as shipped against one agent more in each group",
         "routesim compare scenarios/quickstart.yaml --variant 'now:' --variant 'plus-one:workers.early-lunch.count=6;workers.late-lunch.count=6'"),
    ]

    @OptionGroup var input: ScenarioOptions

    @Option(help: "A variant to run (at least two; the first is the baseline).")
    var variant: [String] = []

    @OptionGroup var experiment: ExperimentOptions

    func run() throws {
        let choices = try variant.map(VariantChoice.init(parsing:))
        guard choices.count >= 2 else {
            throw ExperimentError("compare needs at least two --variant options, found \(choices.count)")
        }
        if let repeated = choices.map(\.name).firstDuplicate {
            throw ExperimentError("--variant \(repeated) is given twice; variant names must differ")
        }
        let common = try (input.overrides + experiment.seedOverride).map { try Override.parse($0) }
        let base = try ScenarioLoader.load(path: input.scenario, overrides: common)
        var specs: [(name: String, spec: SimulationSpec, overrides: [String], configuration: ConfigurationHash)] = []
        var warnings: [ScenarioError] = []
        for choice in choices {
            let overrides = try choice.overrides(in: base.variants, scenario: input.scenario)
            let scenario = try ScenarioLoader.load(path: input.scenario, overrides: overrides + common)
            try ScenarioOptions.refuseCallbackAnswers([scenario], command: "compare")
            let texts = overrides.map { $0.keyPath + "=" + $0.value } + input.overrides + experiment.seedOverride
            specs.append((choice.name, scenario.spec, texts, scenario.configuration))
            warnings += scenario.warnings
        }
        try ScenarioOptions.warn(warnings, strict: input.strict)
        let plan = (0..<experiment.replications).flatMap { replication in
            specs.map { variant -> PlannedRun in
                var spec = variant.spec
                spec.replication = replication
                return PlannedRun(
                    spec: spec,
                    info: RunInfo(
                        spec: spec, variant: variant.name, overrides: variant.overrides, version: RouteSimVersion.current,
                        configuration: variant.configuration.description))
            }
        }
        let path = experiment.output(name: base.spec.name, command: .compare)
        try experiment.checkMemory(plan, for: .compare)
        let running = try Experiment(.compare, options: experiment, path: path)
        guard let runs = try running.runWholeOrPart(plan) else { return }
        let report = ComparisonReport(variants: specs.map(\.name), runs: runs)
        if experiment.json {
            print(KPIFormat.jsonText(report.json(database: path, experiment: running.id)))
        } else {
            print("compare: \(base.spec.name), \(experiment.replications.counted("replication")) of \(specs.count) variants on common random numbers -> \(path) (experiment \(running.id))\n")
            print(report.text())
        }
    }
}

extension Array where Element: Hashable {
    /// The first element that appears again later, nil when all differ.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
