import RouteSim
import RouteSimStore

/// The terminal report: per group of runs, every KPI's mean and 95 % confidence interval,
/// then a table of the headline KPIs per queue, aligned in columns. A group's
/// ``ReportGroup/notes`` follow its heading.
public struct SummaryText: Sendable {
    public var path: String
    public var groups: [ReportGroup]

    public init(path: String, groups: [ReportGroup]) {
        self.path = path
        self.groups = groups
    }

    /// The KPIs of the per-queue table.
    static let queueColumns = ["offered", "answered", "abandoned", "sl", "asa", "aht", "occupancy"]

    public func render() -> String {
        var lines = ["\(path): \(groups.count) group\(groups.count == 1 ? "" : "s") of runs"]
        for group in groups {
            lines.append("")
            lines.append(Self.heading(group))
            lines += group.notes.map { "note: " + $0 }
            let rows = group.summary.kpis.map { kpi in
                let format = KPIFormat.of(kpi.name)
                return [format.label, format.text(kpi.estimate.mean), format.interval(kpi.estimate)]
            }
            lines += TextTable(header: ["KPI", "mean", "95 % CI"], rows: rows, alignRight: [false, true, false])
                .lines(rule: false)
            guard !group.summary.queues.isEmpty else { continue }
            lines.append("")
            let head = ["queue"] + Self.queueColumns.map { KPIFormat.of($0).label }
            let queueRows = group.summary.queues.map { queue in
                [queue.queue] + Self.queueColumns.map { name in
                    queue.kpis.first { $0.name == name }.map { KPIFormat.of(name).text($0.estimate) } ?? "-"
                }
            }
            lines += TextTable(header: head, rows: queueRows).lines(rule: false)
        }
        return lines.joined(separator: "\n")
    }

    /// `label: scenario S, variant V, point P, <command> experiment N, R replications`.
    static func heading(_ group: ReportGroup) -> String {
        let summary = group.summary
        var parts = ["scenario \(summary.scenario)"]
        if let variant = summary.variant { parts.append("variant \(variant)") }
        if let point = summary.point { parts.append("point " + ReportGroup.pointText(point)) }
        if let id = summary.experimentID { parts.append("\(summary.command ?? "") experiment \(id)") }
        let count = summary.replications
        parts.append(count == 1 ? "1 replication (no confidence interval)" : "\(count) replications, ± = 95 % CI half-width")
        return "\(group.label): " + parts.joined(separator: ", ")
    }
}
