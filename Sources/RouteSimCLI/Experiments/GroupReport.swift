import RouteSimStore

/// The summary of groups of replications as batch and sweep print it: per group, each KPI's
/// mean and 95 % confidence interval, then the queues.
struct GroupReport {
    var groups: [RunGroupSummary]

    /// The KPIs per queue printed in the queue table.
    static let queueKPIs = ["offered", "sl", "asa", "abandon_rate"]

    /// Aligned text: one block per group.
    func text() -> String {
        groups.map { group in
            var heading = group.scenario
            if let variant = group.variant { heading += " [\(variant)]" }
            if let point = group.point { heading += " " + point }
            heading += ": \(group.replications) replication\(group.replications == 1 ? "" : "s")"
            var table = TextTable(header: ["KPI", "mean", "95 % CI"])
            for name in KPIFormat.shown {
                guard let kpi = group.kpi(name) else { continue }
                table.rows.append([name, KPIFormat.text(name, kpi.estimate.mean), KPIFormat.halfWidth(name, kpi.estimate)])
            }
            var queues = TextTable(header: ["queue"] + Self.queueKPIs)
            for queue in group.queues {
                queues.rows.append([queue.queue] + Self.queueKPIs.map { name in
                    queue.kpis.first { $0.name == name }.map { KPIFormat.text(name, $0.estimate) } ?? "-"
                })
            }
            return heading + "\n" + table.render() + "\n\n" + queues.render()
        }.joined(separator: "\n\n")
    }

    /// The groups as JSON objects: identity, replications, `kpis` and `queues` by name.
    func jsonObjects() -> [[String: Any]] {
        groups.map { group in
            var object: [String: Any] = [
                "scenario": group.scenario, "replications": group.replications,
                "kpis": Self.estimates(group.kpis),
                "queues": group.queues.map { ["queue": $0.queue, "kpis": Self.estimates($0.kpis)] as [String: Any] },
            ]
            if let variant = group.variant { object["variant"] = variant }
            if let point = group.point { object["point"] = point }
            return object
        }
    }

    /// KPI name → estimate object.
    static func estimates(_ kpis: [KPIEstimate]) -> [String: Any] {
        Dictionary(kpis.map { ($0.name, KPIFormat.json($0.estimate) as Any) }, uniquingKeysWith: { first, _ in first })
    }
}
