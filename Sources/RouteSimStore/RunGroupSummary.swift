/// The replications of one configuration (experiment, scenario, variant and point) summed
/// up: each KPI's mean and confidence interval, overall and per queue.
public struct RunGroupSummary: Sendable, Equatable {
    /// The experiment, nil for runs made outside one.
    public var experimentID: Int64?
    /// The experiment's command (`batch`, `compare`, `sweep`, `staff`, `run`), nil without one.
    public var command: String?
    public var scenario: String
    public var variant: String?
    /// The JSON object of a sweep or staffing point's values, nil elsewhere.
    public var point: String?
    /// The number of runs in the group.
    public var replications: Int
    /// The group's runs, in run order.
    public var runIDs: [Int64]
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
        var groups: [[StoredRunKPIs]] = []
        for run in runs {
            if let index = groups.firstIndex(where: { $0[0].sameGroup(as: run) }) {
                groups[index].append(run)
            } else {
                groups.append([run])
            }
        }
        return groups.map { members in
            let first = members[0]
            let queueNames = first.queues.map(\.queue)
            let queues = queueNames.map { queue in
                let samples = members.compactMap { run in run.queues.first { $0.queue == queue }?.kpis }
                return QueueKPIs(queue: queue, kpis: KPIEstimate.estimates(of: samples, confidence: confidence))
            }
            return RunGroupSummary(
                experimentID: first.experimentID, command: first.command, scenario: first.scenario,
                variant: first.variant, point: first.point, replications: members.count, runIDs: members.map(\.runID),
                kpis: KPIEstimate.estimates(of: members.map(\.kpis), confidence: confidence), queues: queues)
        }
    }
}
