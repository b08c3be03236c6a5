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
            decide and the output says so; the means decide at once when even --max-replications \
            replications would not be expected to decide. The search starts where Erlang C (Erlang A when callers \
            hang up) puts the answer for each group's offered load, read from one run of the \
            scenario, then steps away from it in doubling strides and bisects, assuming more \
            agents never do worse. With --per-interval one day's run judges every interval at \
            once (on the tasks created in it), so all intervals of a group are bisected together. \
            Groups are searched in turn, and the whole search is repeated from the counts found \
            until a pass changes no count (at most --max-passes), so that each count is judged \
            beside the counts chosen around it. The staffing found is then checked on fresh \
            replications; the output says which targets it misses and how many misses chance explains. \
            With --shifts the counts per interval are then covered by the fewest shifts of the given \
            lengths, printed as a workers: block a scenario \
            can use as written.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("The fewest agents answering 80 % within the scenario's threshold",
         "routesim staff scenarios/erlang-c.yaml --target 'service_level>=80%' --replications 5"),
        ("Two targets, one group searched, never more than 20 agents",
         "routesim staff scenarios/quickstart.yaml --target 'service_level>=0.8' --target 'abandoned<=5%' --group late-lunch --max-agents 20"),
        ("A count per interval of the day, then the fewest 4 h or 8 h shifts (a 30 min break mid-shift) covering it, as a workers: block",
         "routesim staff scenarios/quickstart.yaml --target 'service_level>=0.8' --per-interval --shifts 4h,8h --shift-break 30m"),
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

    @Option(help: "The most passes over the groups (and intervals) before the search stops without converging.")
    var maxPasses: Int = 5

    @Option(help: "With --per-interval: also print the fewest shifts of these lengths (e.g. 4h,8h; whole intervals, starting on an interval) covering the counts, as a workers: block.")
    var shifts: String?

    @Option(help: "With --shifts: a break of this length (whole intervals) in the middle of every shift.")
    var shiftBreak: String?

    @OptionGroup var experiment: ExperimentOptions

    func run() throws {
        if let part = experiment.part {
            throw ExperimentError("--part \(part.name): staff cannot be split into parts, its search is sequential (each "
                + "staffing tried depends on the last); run it on one machine")
        }
        let goals = try targets.map(TargetSyntax.parse)
        guard !goals.isEmpty else { throw ExperimentError("staff needs at least one --target, e.g. --target service_level>=0.8") }
        let loaded = try input.load(extra: experiment.seedOverride)
        try ScenarioOptions.refuseCallbackAnswers([loaded], command: "staff")
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
        guard maxAgents >= 0 else { throw ExperimentError("--max-agents must be at least 0, found \(maxAgents)") }
        guard maxPasses >= 1 else { throw ExperimentError("--max-passes must be at least 1, found \(maxPasses)") }
        if shifts != nil, !perInterval { throw ExperimentError("--shifts needs --per-interval: shifts cover the counts per interval") }
        if shiftBreak != nil, shifts == nil { throw ExperimentError("--shift-break needs --shifts") }
        let plan = try shifts.map { text throws(ExperimentError) in
            try StaffShifts(shifts: text, shiftBreak: shiftBreak, interval: base.interval)
        }
        let path = experiment.output(name: base.name, command: .staff)
        let running = try Experiment(.staff, options: experiment, path: path)
        var evaluator = StaffingEvaluator(
            base: base, configuration: loaded.configuration, experiment: running, targets: goals, groups: searched,
            maxReplications: most, perInterval: perInterval)
        let cells = evaluator.cellCount
        let judged = (0..<cells).map { !perInterval || Double($0 + 1) * base.interval > base.warmup }
        let loads = evaluator.loads()
        let seed = searched.indices.map { slot in
            (0..<cells).map { cell in
                judged[cell]
                    ? AnalyticStaffing.fewest(loads[slot][cell], targets: goals, threshold: base.serviceLevel, upper: maxAgents)
                    : base.workerGroups[searched[slot]].count
            }
        }
        let outcome: StaffingSearch.Outcome
        switch try StaffingSearch.passes(start: seed, searched: judged, upper: maxAgents, maxPasses: maxPasses, judge: { _, counts, open in
            try evaluator.evaluate(counts, open: open).meets
        }) {
        case .success(let found):
            outcome = found
        case .failure(let unmet):
            let name = base.workerGroups[searched[unmet.group]].name
            let when = perInterval ? " in interval \(unmet.cell)" : ""
            throw ExperimentError("no staffing of \(name) up to --max-agents \(maxAgents)\(when) meets the targets")
        }
        let check = try evaluator.check(outcome.counts)
        let report = StaffingReport(
            spec: base, groups: searched, targets: goals, perInterval: perInterval, judged: judged, seed: seed,
            outcome: outcome, result: check.evaluation, runs: check.runs, log: evaluator.log, store: running.store)
        let workers = plan.map { $0.workers(scenario: loaded, searched: searched, counts: outcome.counts) }
        if experiment.json {
            var json = try report.json(database: path, experiment: running.id)
            if let workers {
                json["shift_workers"] = workers.block
                json["shift_groups_not_proven_fewest"] = workers.unproven
            }
            print(KPIFormat.jsonText(json))
        } else {
            print("staff: \(base.name), targets \(goals.map(StaffingReport.describe).joined(separator: ", ")) -> \(path) (experiment \(running.id))\n")
            print(try report.text())
            if let workers {
                let proof = workers.unproven.isEmpty
                    ? "proven the fewest"
                    : "the fewest found; not proven the fewest for \(workers.unproven.joined(separator: ", ")), the search for fewer ran out of its budget"
                print("\nshifts covering these counts (\(proof)), as a workers: block for the scenario:\n" + workers.block)
            }
        }
    }
}
