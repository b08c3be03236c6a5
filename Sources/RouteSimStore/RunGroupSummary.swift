/// The replications of one configuration (experiment, scenario, variant, point and
/// configuration hash) summed up: each KPI's mean and confidence interval, overall and per
/// queue.
///
/// A run that repeats an earlier run of the group (``StoredRunKPIs/repeats(_:)``) is one
/// sample, not two: it is counted once and listed in ``repeatedRuns``. Runs stored before
/// routesim recorded configurations have no hash; they are grouped by the rest alone, as
/// then, and none is taken for a repeat, since their configurations cannot be told apart.
public struct RunGroupSummary: Sendable, Equatable {
    /// The experiment, nil for runs made outside one.
    public var experimentID: Int64?
    /// The experiment's command (`batch`, `compare`, `sweep`, `staff`, `run`), nil without one.
    public var command: String?
    public var scenario: String
    public var variant: String?
    /// The JSON object of a sweep or staffing point's values, nil elsewhere.
    public var point: String?
    /// The configuration hash of the group's runs, nil for runs stored without one.
    public var configuration: String?
    /// The `--set` overrides of the group's first run, in the order given.
    public var overrides: [String] = []
    /// The number of samples: runs in the group, repeats left out.
    public var replications: Int
    /// The group's runs counted in the estimates, in run order.
    public var runIDs: [Int64]
    /// The group's runs left out as repeats of counted ones, in run order.
    public var repeatedRuns: [RepeatedRun] = []
    /// The run-level KPIs in ``ResultStore/kpiNames`` order, those NULL in every run left out.
    public var kpis: [KPIEstimate]
    /// Per queue, in queue order.
    public var queues: [QueueKPIs]

    /// The estimate of the KPI called `name`, nil when it is not in ``kpis``.
    public func kpi(_ name: String) -> KPIEstimate? {
        kpis.first { $0.name == name }
    }

    /// The summaries of `runs`, grouped by configuration in order of first appearance.
    public static func summaries(of runs: [StoredRunKPIs], confidence: Double = 0.95) -> [RunGroupSummary] {
        var groups: [(members: [StoredRunKPIs], repeated: [RepeatedRun])] = []
        for run in runs {
            if let index = groups.firstIndex(where: { $0.members[0].sameGroup(as: run) }) {
                if let original = groups[index].members.first(where: { $0.repeats(run) }) {
                    groups[index].repeated.append(RepeatedRun(runID: run.runID, original: original.runID))
                } else {
                    groups[index].members.append(run)
                }
            } else {
                groups.append(([run], []))
            }
        }
        return groups.map { members, repeated in
            let first = members[0]
            let queueNames = first.queues.map(\.queue)
            let queues = queueNames.map { queue in
                let samples = members.compactMap { run in run.queues.first { $0.queue == queue }?.kpis }
                return QueueKPIs(queue: queue, kpis: KPIEstimate.estimates(of: samples, confidence: confidence))
            }
            return RunGroupSummary(
                experimentID: first.experimentID, command: first.command, scenario: first.scenario,
                variant: first.variant, point: first.point, configuration: first.configuration, overrides: first.overrides,
                replications: members.count, runIDs: members.map(\.runID), repeatedRuns: repeated,
                kpis: KPIEstimate.estimates(of: members.map(\.kpis), confidence: confidence), queues: queues)
        }
    }
}
