import ArgumentParser
import Foundation
import RouteSim
import RouteSimScenario
import RouteSimReport
import RouteSimStore

/// `routesim staff SCENARIO --target KPI>=BOUND`: the fewest agents per group (or per
/// interval of the day) meeting every target, decided on confidence intervals.
struct StaffCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Find the fewest agents per group (or per interval) that meet every target, judged on 95 % CIs.",
        discussion: """
            A staffing meets the targets when every target's 95 % confidence interval over the \
            replications lies on its good side, and fails when one lies wholly on the bad side; in \
            between, more replications are run (up to --max-replications), after which the means \
            decide and the output says so. Counts are searched from the scenario's own, in doubling \
            steps and then by bisection, assuming more agents never do worse. Several groups are \
            searched one at a time, repeating until no count changes. With --per-interval each \
            interval of the day is staffed in turn, judged on that interval's KPIs (tasks created in \
            it), with later intervals at the scenario's count.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("The fewest agents answering 80 % within the scenario's threshold",
         "routesim staff scenarios/erlang-c.yaml --target 'service_level>=80%' --replications 5"),
        ("Two targets, one group searched, never more than 20 agents",
         "routesim staff scenarios/quickstart.yaml --target 'service_level>=0.8' --target 'abandoned<=5%' --group late-lunch --max-agents 20"),
        ("A count per interval of the day",
         "routesim staff scenarios/quickstart.yaml --target 'service_level>=0.8' --per-interval --replications 5"),
    ]

    @OptionGroup var input: ScenarioOptions

    @Option(name: .customLong("target"), help: "A goal: KPI>=BOUND or KPI<=BOUND, e.g. service_level>=0.8, abandoned<=5% (repeatable).")
    var targets: [String] = []

    @Option(name: .customLong("group"), help: "A worker group to staff (repeatable; default: every group).")
    var groups: [String] = []

    @Flag(help: "Staff each interval of the day separately.")
    var perInterval = false

    @Option(help: "The most agents a group may get.")
    var maxAgents: Int = 1000

    @Option(help: "The most replications per staffing while a target is undecided (default: 4 × --replications).")
    var maxReplications: Int?

    @OptionGroup var experiment: ExperimentOptions

    func run() throws {
        if let part = experiment.part {
            throw ExperimentError("--part \(part.name): staff cannot be split into parts, its search is sequential (each "
                + "staffing tried depends on the last); run it on one machine")
        }
        let goals = try targets.map(TargetSyntax.parse)
        guard !goals.isEmpty else { throw ExperimentError("staff needs at least one --target, e.g. --target service_level>=0.8") }
        let loaded = try input.load(extra: experiment.seedOverride)
        let base = loaded.spec
        let names = base.workerGroups.map(\.name)
        if let unknown = groups.first(where: { !names.contains($0) }) {
            throw ExperimentError("--group \(unknown): \(input.scenario) has no such worker group; expected one of \(names.joined(separator: ", "))")
        }
        let searched = groups.isEmpty ? Array(names.indices) : names.indices.filter { groups.contains(names[$0]) }
        let most = maxReplications ?? 4 * experiment.replications
        guard most >= experiment.replications else {
            throw ExperimentError("--max-replications \(most) is less than --replications \(experiment.replications)")
        }
        let path = experiment.output(name: base.name, command: .staff)
        let running = try Experiment(.staff, options: experiment, path: path)
        var evaluator = StaffingEvaluator(
            base: base, configuration: loaded.configuration, experiment: running, targets: goals, groups: searched,
            maxReplications: most, perInterval: perInterval)
        let intervalCount = max(1, Int((base.horizon / base.interval).rounded(.up)))
        var staffing = searched.map { Array(repeating: base.workerGroups[$0].count, count: perInterval ? intervalCount : 1) }
        if perInterval {
            for interval in 0..<intervalCount where Double(interval + 1) * base.interval > base.warmup {
                for slot in searched.indices {
                    staffing[slot][interval] = try fewest(&evaluator, staffing, slot: slot, column: interval, judgedOn: interval)
                }
            }
        } else {
            for _ in 0..<(searched.count > 1 ? 3 : 1) {
                let before = staffing
                for slot in searched.indices {
                    staffing[slot][0] = try fewest(&evaluator, staffing, slot: slot, column: 0, judgedOn: nil)
                }
                if staffing == before { break }
            }
        }
        let final = try evaluator.evaluate(staffing)
        let report = StaffingReport(
            spec: base, groups: searched, targets: goals, perInterval: perInterval, result: final, log: evaluator.log,
            store: running.store)
        if experiment.json {
            print(KPIFormat.jsonText(try report.json(database: path, experiment: running.id)))
        } else {
            print("staff: \(base.name), targets \(goals.map(StaffingReport.describe).joined(separator: ", ")) -> \(path) (experiment \(running.id))\n")
            print(try report.text())
        }
    }

    /// The fewest agents for group `slot` at `column` (an interval, or 0) meeting the targets
    /// judged on interval `judgedOn` (the whole run when nil), the other counts held.
    private func fewest(
        _ evaluator: inout StaffingEvaluator, _ staffing: [[Int]], slot: Int, column: Int, judgedOn interval: Int?
    ) throws -> Int {
        let start = staffing[slot][column]
        let found = try StaffingSearch.fewest(start: start, lower: 0, upper: maxAgents) { count in
            var trial = staffing
            trial[slot][column] = count
            return try evaluator.evaluate(trial, interval: interval).meets
        }
        guard let found else {
            let name = evaluator.base.workerGroups[evaluator.groups[slot]].name
            let when = interval.map { " in interval \($0)" } ?? ""
            throw ExperimentError("no staffing of \(name) up to --max-agents \(maxAgents)\(when) meets the targets")
        }
        return found
    }
}
