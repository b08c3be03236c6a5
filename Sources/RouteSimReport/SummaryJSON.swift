import Foundation
import RouteSim
import RouteSimStore

/// The report for scripts: one JSON object with every group's KPI estimates, overall and
/// per queue.
///
/// Each KPI is `{"mean", "low", "high", "half_width", "sd", "count"}`; `low`, `high` and
/// `half_width` are null for a group of one replication. `run_ids` are the runs counted;
/// `repeated_runs` those left out as repeats (`{"run_id", "repeats"}`); `configuration` is
/// null for runs stored before routesim recorded it.
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
                    "configuration": summary.configuration ?? NSNull(),
                    "replications": summary.replications, "run_ids": group.runIDs,
                    "repeated_runs": summary.repeatedRuns.map { ["run_id": $0.runID, "repeats": $0.original] },
                    "notes": group.notes,
                    "kpis": KPIFormat.json(summary.kpis),
                    "queues": summary.queues.map { ["queue": $0.queue, "kpis": KPIFormat.json($0.kpis)] as [String: Any] },
                ]
            },
        ]
        return KPIFormat.jsonText(document)
    }
}
