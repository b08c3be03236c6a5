import Foundation
import RouteSim
import RouteSimScenario
import RouteSimStore
import Synchronization

/// Runs a staffing in replications until the targets are decided in every cell that needs a
/// verdict, for `routesim staff`.
///
/// A cell is an interval of the day with --per-interval (judged on the tasks created in it),
/// else the whole run. A cell meets the targets when every target's confidence interval lies
/// on its good side, and fails when one lies wholly on the bad side. While a cell that needs
/// a verdict straddles a bound, ``ExperimentOptions/replications`` more replications are run,
/// up to `maxReplications`; then the means decide and the evaluation says so. The means also
/// decide at once when even `maxReplications` replications are not expected to decide
/// (``StaffingTarget/futile(_:replications:)``). Replication r
/// of every staffing sees the same callers, so neighbouring staffings are compared on common
/// random numbers. The search's runs are simulated in memory, ``ExperimentOptions/jobs`` at a
/// time, and kept per staffing (a staffing tried again reuses them); only the final check is
/// stored in the results file.
struct StaffingEvaluator {
    var base: SimulationSpec
    /// The configuration of `base`; a staffing's runs store it with the staffing added.
    var configuration: ConfigurationHash
    var experiment: Experiment
    var targets: [StaffingTarget]
    /// The indexes of the searched groups in `base.workerGroups`.
    var groups: [Int]
    /// At least ``ExperimentOptions/replications``: `staff` refuses less.
    var maxReplications: Int
    /// Whether staffing is per interval (each group's counts are per interval) or flat.
    var perInterval: Bool

    /// The search's runs so far, by point.
    private var runs: [String: [StaffingTrial]] = [:]
    /// The latest evaluation of each staffing, in the order made.
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

    /// The cells of a staffing: one per interval of the day, or one for the whole run.
    var cellCount: Int { perInterval ? base.intervalCount : 1 }

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

    /// The load each searched group is offered per cell, from replication 0 of the scenario
    /// as written (simulated in memory, not stored): the seed of the search.
    func loads() -> [[CellLoad]] {
        var spec = base
        spec.replication = 0
        let buffer = RecordBuffer()
        var simulation = Simulation(spec: spec)
        _ = simulation.run(sink: buffer)
        let all = OfferedLoad.cells(of: buffer.rows.tasks, spec: spec, perInterval: perInterval)
        return groups.map { all[$0] }
    }

    /// Judges `staffing` in every cell, replicating until each cell where `open` is true is
    /// decided.
    mutating func evaluate(_ staffing: [[Int]], open: [Bool]) throws -> StaffingEvaluation {
        let point = point(staffing)
        let spec = spec(staffing)
        var made = runs[point] ?? []
        while true {
            if made.count < experiment.options.replications {
                made += try simulate(spec, replications: made.count..<experiment.options.replications)
                runs[point] = made
            }
            let judged = judge(made)
            let undecided = judged.settled.indices.contains { open[$0] && !judged.settled[$0] }
            if undecided && made.count < maxReplications {
                made += try simulate(
                    spec, replications: made.count..<min(made.count + experiment.options.replications, maxReplications))
                runs[point] = made
                continue
            }
            let evaluation = StaffingEvaluation(
                staffing: staffing, point: point, replications: made.count, estimates: judged.estimates,
                meets: judged.meets, byMean: judged.decided.map(!))
            log.removeAll { $0.point == point }
            log.append(evaluation)
            return evaluation
        }
    }

    /// The final check: `staffing` judged in every cell on ``ExperimentOptions/replications``
    /// fresh replications (numbers the search never ran), stored in the results file, so that
    /// its verdicts are not those the search stopped on. Returns the verdicts and the runs.
    mutating func check(_ staffing: [[Int]]) throws -> (evaluation: StaffingEvaluation, runs: [StoredRunKPIs]) {
        let point = point(staffing)
        let plan = (maxReplications..<(maxReplications + experiment.options.replications)).map { replication -> PlannedRun in
            var run = spec(staffing)
            run.replication = replication
            return PlannedRun(spec: run, info: RunInfo(
                spec: run, overrides: [], version: RouteSimVersion.current, point: point,
                configuration: configuration.adding(point).description))
        }
        try experiment.options.checkMemory(plan, for: .staff)
        let stored = try experiment.run(plan)
        let trials = try stored.map { StaffingTrial(kpis: $0.kpis, intervals: try experiment.store.intervalKPIs(run: $0.runID)) }
        let judged = judge(trials)
        let evaluation = StaffingEvaluation(
            staffing: staffing, point: point, replications: stored.count, estimates: judged.estimates,
            meets: judged.meets, byMean: judged.decided.map(!))
        return (evaluation, stored)
    }

    /// Per cell: each target's estimate over `made`, whether the cell is decided (a target
    /// missed, or every target met), whether it is settled (decided, or more replications up
    /// to `maxReplications` are not expected to decide it), and whether it meets (by the means
    /// when undecided).
    private func judge(_ made: [StaffingTrial]) -> (estimates: [[Estimate?]], decided: [Bool], settled: [Bool], meets: [Bool]) {
        var estimates: [[Estimate?]] = []
        var decided: [Bool] = []
        var settled: [Bool] = []
        var meets: [Bool] = []
        for cell in 0..<cellCount {
            let cellEstimates = targets.map { estimate($0, made, interval: perInterval ? cell : nil) }
            let verdicts = zip(targets, cellEstimates).map { $0.verdict($1) }
            let isDecided = !verdicts.contains(.undecided) || verdicts.contains(.missed)
            let isFutile = targets.indices.allSatisfy { target in
                verdicts[target] != .undecided || targets[target].futile(cellEstimates[target], replications: maxReplications)
            }
            estimates.append(cellEstimates)
            decided.append(isDecided)
            settled.append(isDecided || isFutile)
            meets.append(isDecided
                ? !verdicts.contains(.missed) : zip(targets, cellEstimates).allSatisfy { $0.meanMeets($1) })
        }
        return (estimates, decided, settled, meets)
    }

    /// Simulates `replications` of `spec` in memory, ``ExperimentOptions/jobs`` at a time;
    /// Ctrl-C stops them and throws.
    private func simulate(_ spec: SimulationSpec, replications: Range<Int>) throws -> [StaffingTrial] {
        let pool = TrialPool(count: replications.count)
        DispatchQueue.concurrentPerform(iterations: min(experiment.options.jobs, replications.count)) { _ in
            while let index = pool.take() {
                var run = spec
                run.replication = replications.lowerBound + index
                var simulation = Simulation(spec: run)
                guard let result = simulation.run(stoppingWhen: { Interrupt.requested }) else { return }
                pool.put(index, StaffingTrial(
                    kpis: ResultStore.kpiValues(of: result.summary),
                    intervals: result.intervals.filter { $0.queue == nil }.map { ResultStore.kpiValues(of: $0.kpis) }))
            }
        }
        guard let trials = pool.trials else {
            throw ExperimentError.interrupted(committed: 0, planned: replications.count, path: experiment.store.path)
        }
        return trials
    }

    /// The replications of one ``simulate(_:replications:)``: which one is next, and those done.
    private final class TrialPool: @unchecked Sendable {
        private let next = Atomic<Int>(0)
        private let count: Int
        /// Guards ``done``.
        private let lock = NSLock()
        private var done: [StaffingTrial?]

        init(count: Int) {
            self.count = count
            done = Array(repeating: nil, count: count)
        }

        /// The next replication's index, nil when none is left.
        func take() -> Int? {
            let index = next.add(1, ordering: .relaxed).oldValue
            return index < count ? index : nil
        }

        func put(_ index: Int, _ trial: StaffingTrial) {
            lock.withLock { done[index] = trial }
        }

        /// Every replication, in order; nil when one was stopped.
        var trials: [StaffingTrial]? {
            lock.withLock {
                let finished = done.compactMap { $0 }
                return finished.count == count ? finished : nil
            }
        }
    }

    /// The estimate of `target`'s KPI over `made`, for the whole run or one interval.
    private func estimate(_ target: StaffingTarget, _ made: [StaffingTrial], interval: Int?) -> Estimate? {
        guard let column = ResultStore.kpiNames.firstIndex(of: target.kpi) else { return nil }
        let values = made.compactMap { trial -> Double? in
            guard let interval else { return trial.kpis[column] }
            return interval < trial.intervals.count ? trial.intervals[interval][column] : nil
        }
        return values.isEmpty ? nil : Estimate(values)
    }
}
