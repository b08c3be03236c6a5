import Foundation
import RouteSim
import RouteSimStore

/// The report for scripts: one JSON object with every group's KPI estimates, overall and
/// per queue.
///
/// Each KPI is `{"mean", "low", "high", "half_width", "sd", "count"}`; `low`, `high` and
/// `half_width` are null for a group of one replication.
public struct SummaryJSON: Sendable {
    public var path: String
    public var groups: [ReportGroup]

    public init(path: String, groups: [ReportGroup]) {
        self.path = path
        self.groups = groups
    }

    public func render() -> String {
        let document: [String: Any] = [
            "database": path,
            "groups": groups.map { group -> [String: Any] in
                let summary = group.summary
                return [
                    "label": group.label, "experiment_id": summary.experimentID ?? NSNull(),
                    "command": summary.command ?? NSNull(), "scenario": summary.scenario,
                    "variant": summary.variant ?? NSNull(), "point": summary.point ?? NSNull(),
                    "replications": summary.replications, "run_ids": group.runIDs,
                    "kpis": Self.object(summary.kpis),
                    "queues": summary.queues.map { ["queue": $0.queue, "kpis": Self.object($0.kpis)] as [String: Any] },
                ]
            },
        ]
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func object(_ kpis: [KPIEstimate]) -> [String: Any] {
        var out: [String: Any] = [:]
        for kpi in kpis {
            let estimate = kpi.estimate
            let finite = estimate.halfWidth.isFinite
            out[kpi.name] = [
                "mean": estimate.mean, "sd": estimate.standardDeviation, "count": estimate.count,
                "low": finite ? estimate.low : NSNull(), "high": finite ? estimate.high : NSNull(),
                "half_width": finite ? estimate.halfWidth : NSNull(),
            ] as [String: Any]
        }
        return out
    }
}
