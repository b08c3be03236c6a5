import Foundation
import RouteSimStore

/// One group of runs in a results file (the replications of one experiment, scenario,
/// variant and point) with everything the report shows of it.
public struct ReportGroup: Sendable {
    /// The KPI estimates over the group's replications.
    public var summary: RunGroupSummary
    /// The group's runs, in run order.
    public var runIDs: [Int64]
    /// A short name for legends and column heads, unique in the file: the variant and the
    /// point's values, the scenario when the file holds several, the experiment when
    /// that is all that tells two groups apart.
    public var label: String
    /// The group's intervals summed over its runs, all queues first, then per queue.
    public var intervals: [IntervalTotals]
    /// Tasks waiting per queue at each real-time snapshot, averaged over the runs.
    public var waiting: [WaitingTasks]
    /// Agents per activity per interval from the activity spans; empty without spans.
    public var activities: [ActivityAgents]
    /// The service-level thresholds of the runs (s); one unless overrides changed it.
    public var thresholds: [Double]

    /// The groups of `runs` (every run of the file behind `store` when nil), in run order.
    public static func groups(in store: ResultStore, runs: [StoredRunKPIs]? = nil) throws(StoreError) -> [ReportGroup] {
        let members: [StoredRunKPIs]
        if let runs { members = runs } else { members = try store.runKPIs() }
        let summaries = RunGroupSummary.summaries(of: members)
        let scenarios = Set(summaries.map(\.scenario))
        var labels = summaries.map { summary in
            let parts = [scenarios.count > 1 ? summary.scenario : nil, summary.variant, summary.point.map(pointText)]
            let label = parts.compactMap { $0 }.joined(separator: " ")
            return label.isEmpty ? summary.scenario : label
        }
        for (index, label) in labels.enumerated() where labels.filter({ $0 == label }).count > 1 {
            labels[index] = label + (summaries[index].experimentID.map { " (experiment \($0))" } ?? " (single runs)")
        }
        var groups: [ReportGroup] = []
        for (summary, label) in zip(summaries, labels) {
            let ids = summary.runIDs
            groups.append(ReportGroup(
                summary: summary, runIDs: ids, label: label,
                intervals: try store.intervalTotals(runs: ids), waiting: try store.waitingTasks(runs: ids),
                activities: try store.activityAgents(runs: ids), thresholds: try store.serviceLevelThresholds(runs: ids)))
        }
        return groups
    }

    /// A point's JSON object as `key=value` pairs, keys sorted: `workers.agents.count=13`.
    static func pointText(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        return object.keys.sorted().map { key in
            let value = object[key] as? Double
            return "\(key)=" + (value.map(Axis.number) ?? object[key].map { "\($0)" } ?? "")
        }.joined(separator: " ")
    }
}
