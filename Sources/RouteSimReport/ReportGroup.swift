import Foundation
import RouteSimStore

/// One group of runs in a results file (the replications of one configuration:
/// experiment, scenario, variant, point and configuration hash) with everything the report
/// shows of it.
public struct ReportGroup: Sendable {
    /// The KPI estimates over the group's replications.
    public var summary: RunGroupSummary
    /// The group's runs counted in the estimates (repeats left out), in run order.
    public var runIDs: [Int64]
    /// A short name for legends and column heads, unique in the file: the variant and the
    /// point's values, the scenario when the file holds several; where that leaves two
    /// groups alike, the experiment, then the `--set` overrides (the seed's left out; none
    /// for runs without a configuration hash, which may differ in them), then the
    /// configuration hash, whichever first tells them apart.
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
        let qualifiers: [(RunGroupSummary) -> String] = [
            { $0.experimentID.map { "experiment \($0)" } ?? "single runs" },
            { summary in
                guard summary.configuration != nil else { return "configuration not recorded" }
                let overrides = summary.overrides.filter { !$0.hasPrefix("seed=") }
                return overrides.isEmpty ? "no --set" : "--set " + overrides.joined(separator: " ")
            },
            { $0.configuration.map { "configuration \($0)" } ?? "configuration not recorded" },
        ]
        for qualifier in qualifiers {
            let distinct = labels.indices.filter { labels.firstIndex(of: labels[$0]) == $0 }.map { labels[$0] }
            for label in distinct {
                let alike = labels.indices.filter { labels[$0] == label }
                let texts = alike.map { qualifier(summaries[$0]) }
                guard Set(texts).count > 1 else { continue }
                for (index, text) in zip(alike, texts) { labels[index] = label + " (\(text))" }
            }
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

    /// What a reader must know about how the group was formed: that its runs' configuration
    /// was not recorded (an older file), and which runs were counted once as repeats.
    public var notes: [String] {
        var notes: [String] = []
        if summary.configuration == nil {
            notes.append("stored before routesim recorded each run's configuration: grouped by experiment, scenario, "
                + "variant and point only, so runs given different --set values are pooled as replications")
        }
        let repeated = summary.repeatedRuns
        if !repeated.isEmpty {
            let shown = repeated.prefix(5).map { "run \($0.runID) repeats run \($0.original)" }
            let more = repeated.count > 5 ? ", and \(repeated.count - 5) more" : ""
            notes.append(shown.joined(separator: ", ") + more + " (same configuration, seed and replication): "
                + (repeated.count == 1 ? "one sample, counted once" : "the same samples, each counted once"))
        }
        return notes
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
