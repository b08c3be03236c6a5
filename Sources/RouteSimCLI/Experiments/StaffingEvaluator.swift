import Foundation
import RouteSim
import RouteSimScenario
import RouteSimStore

/// Runs a staffing in replications until the targets are decided, for `routesim staff`.
///
/// A staffing meets the targets when every target's confidence interval lies on its good
/// side, and fails when one lies wholly on the bad side. While an interval straddles its
/// bound, ``ExperimentOptions/replications`` more replications are run, up to
/// `maxReplications`; then the means decide and the evaluation says so. Replication r of
/// every staffing sees the same callers, so neighbouring staffings are compared on common
/// random numbers. Runs are kept per staffing, so judging another interval of the same
/// staffing reuses them.
struct StaffingEvaluator {
    var base: SimulationSpec
    /// The configuration of `base`; a staffing's runs store it with the staffing added.
    var configuration: ConfigurationHash
    var experiment: Experiment
    var targets: [StaffingTarget]
    /// The indexes of the searched groups in `base.workerGroups`.
    var groups: [Int]
    var maxReplications: Int
    /// Whether staffing is per interval (each group's counts are per interval) or flat.
    var perInterval: Bool

    /// The runs made so far, by point.
    private var runs: [String: [StoredRunKPIs]] = [:]
    /// Interval KPIs of runs already read, by run id.
    private var intervals: [Int64: [[Double?]]] = [:]
    /// The latest evaluation of each staffing and judged interval, in the order made.
    private(set) var log: [StaffingEvaluation] = []

    init(
        base: SimulationSpec, configuration: ConfigurationHash, experiment: Experiment, targets: [StaffingTarget],
        groups: [Int], maxReplications: Int, perInterval: Bool
    ) {
        self.base = base
        self.configuration = configuration
        self.experiment = experiment
        self.targets = targets
        self.groups = groups
        self.maxReplications = maxReplications
        self.perInterval = perInterval
    }

    /// The spec with `staffing` applied to the searched groups.
    func spec(_ staffing: [[Int]]) -> SimulationSpec {
        var spec = base
        var replaced: [Int: [WorkerGroup]] = [:]
        for (slot, group) in groups.enumerated() {
            if perInterval {
                replaced[group] = IntervalStaffing.groups(staffing: base.workerGroups[group], counts: staffing[slot], interval: base.interval)
            } else {
                spec.workerGroups[group].count = staffing[slot][0]
            }
        }
        if perInterval {
            spec.workerGroups = base.workerGroups.indices.flatMap { replaced[$0] ?? [base.workerGroups[$0]] }
        }
        return spec
    }

    /// `{"workers.<group>.count": N}` (a list per interval with --per-interval).
    func point(_ staffing: [[Int]]) -> String {
        let object = Dictionary(groups.enumerated().map { slot, group -> (String, Any) in
            ("workers.\(base.workerGroups[group].name).count", perInterval ? staffing[slot] : staffing[slot][0])
        }, uniquingKeysWith: { first, _ in first })
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Judges `staffing` on the whole run's KPIs, or on interval `interval`'s.
    mutating func evaluate(_ staffing: [[Int]], interval: Int? = nil) throws -> StaffingEvaluation {
        let point = point(staffing)
        let spec = spec(staffing)
        var made = runs[point] ?? []
        while true {
            if made.isEmpty {
                made = try replicate(spec, point: point, from: 0)
                continue
            }
            let estimates = try targets.map { try estimate($0, made, interval: interval) }
            let verdicts = zip(targets, estimates).map { $0.verdict($1) }
            let decided = !verdicts.contains(.undecided) || verdicts.contains(.missed)
            if !decided && made.count < maxReplications {
                made += try replicate(spec, point: point, from: made.count)
                continue
            }
            let meets = decided
                ? !verdicts.contains(.missed) : zip(targets, estimates).allSatisfy { $0.meanMeets($1) }
            let evaluation = StaffingEvaluation(
                staffing: staffing, point: point, interval: interval, runs: made, estimates: estimates, meets: meets,
                byMean: !decided)
            log.removeAll { $0.point == point && $0.interval == interval }
            log.append(evaluation)
            return evaluation
        }
    }

    /// Runs the next ``ExperimentOptions/replications`` replications of `spec` from number
    /// `first` (no further than `maxReplications`), keeps them under `point` and returns every
    /// run of the point.
    private mutating func replicate(_ spec: SimulationSpec, point: String, from first: Int) throws -> [StoredRunKPIs] {
        let plan = (first..<min(first + experiment.options.replications, maxReplications)).map { replication -> PlannedRun in
            var run = spec
            run.replication = replication
            return PlannedRun(spec: run, info: RunInfo(
                spec: run, overrides: [], version: RouteSimVersion.current, point: point,
                configuration: configuration.adding(point).description))
        }
        try experiment.options.checkMemory(plan, for: .staff)
        let made = (runs[point] ?? []) + (try experiment.run(plan))
        runs[point] = made
        return made
    }

    /// The estimate of `target`'s KPI over `made`, for the whole run or one interval.
    private mutating func estimate(_ target: StaffingTarget, _ made: [StoredRunKPIs], interval: Int?) throws -> Estimate? {
        guard let column = ResultStore.kpiNames.firstIndex(of: target.kpi) else { return nil }
        var values: [Double] = []
        for run in made {
            if let interval {
                if intervals[run.runID] == nil { intervals[run.runID] = try experiment.store.intervalKPIs(run: run.runID) }
                let rows = intervals[run.runID] ?? []
                if interval < rows.count, let value = rows[interval][column] { values.append(value) }
            } else if let value = run.kpis[column] {
                values.append(value)
            }
        }
        return values.isEmpty ? nil : Estimate(values)
    }
}
