import RouteSim
import RouteSimReport
import RouteSimStore

/// What `routesim staff` prints: the staffings tried with their verdicts, the staffing
/// found, and the KPIs it reaches.
struct StaffingReport {
    var spec: SimulationSpec
    /// The searched groups' indexes in `spec.workerGroups`.
    var groups: [Int]
    var targets: [StaffingTarget]
    var perInterval: Bool
    /// The evaluation of the staffing found, on the whole run.
    var result: StaffingEvaluation
    /// Every evaluation, in order.
    var log: [StaffingEvaluation]
    var store: ResultStore

    private func name(_ slot: Int) -> String { spec.workerGroups[groups[slot]].name }

    /// A staffing as `agents 14, backup 3`, or the largest count per group per interval.
    private func describe(_ staffing: [[Int]]) -> String {
        groups.indices.map { slot in
            perInterval ? "\(name(slot)) \(staffing[slot].map(String.init).joined(separator: " "))" : "\(name(slot)) \(staffing[slot][0])"
        }.joined(separator: ", ")
    }

    /// The result's KPIs per interval (mean over its runs), by interval.
    private func intervalMeans(_ kpi: String) throws -> [Double?] {
        guard let column = ResultStore.kpiNames.firstIndex(of: kpi) else { return [] }
        let rows = try result.runs.map { try store.intervalKPIs(run: $0.runID) }
        let count = rows.map(\.count).max() ?? 0
        return (0..<count).map { interval in
            let values = rows.compactMap { interval < $0.count ? $0[interval][column] : nil }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
    }

    func text() throws -> String {
        var blocks: [String] = []
        if !perInterval {
            var trail = TextTable(header: ["staffing", "replications"] + targets.map { KPIFormat.of($0.kpi).label } + ["verdict"])
            for evaluation in log {
                trail.rows.append(
                    [describe(evaluation.staffing), String(evaluation.runs.count)]
                        + zip(targets, evaluation.estimates).map { target, estimate in estimate.map { KPIFormat.of(target.kpi).text($0) } ?? "-" }
                        + [(evaluation.meets ? "meets" : "fails") + (evaluation.byMean ? " (by the mean)" : "")])
            }
            blocks.append("staffings tried (95 % CI over replications):\n" + trail.render())
        } else {
            var table = TextTable(header: ["interval", "start"] + groups.indices.map(name) + targets.map { KPIFormat.of($0.kpi).label })
            let means = try targets.map { try intervalMeans($0.kpi) }
            for interval in result.staffing[0].indices {
                table.rows.append(
                    [String(interval), Self.clock(Double(interval) * spec.interval)]
                        + groups.indices.map { String(result.staffing[$0][interval]) }
                        + targets.indices.map { target in
                            (interval < means[target].count ? means[target][interval] : nil).map(KPIFormat.of(targets[target].kpi).text) ?? "-"
                        })
            }
            blocks.append("staffing per interval (KPIs: mean over replications, tasks created in the interval):\n" + table.render())
        }
        let found = groups.indices.map { slot in
            perInterval ? "\(name(slot)) up to \(result.staffing[slot].max() ?? 0)" : "\(name(slot)) \(result.staffing[slot][0])"
        }
        blocks.append("fewest agents meeting every target: " + found.joined(separator: ", ")
            + (result.byMean ? " (decided by the means: the intervals still straddle a target)" : ""))
        blocks.append(SummaryText(path: store.path, groups: try ReportGroup.groups(in: store, runs: result.runs)).render())
        return blocks.joined(separator: "\n\n")
    }

    /// A target as a person reads it: `service level >= 80.0 %`, `ASA <= 20.0 s`.
    static func describe(_ target: StaffingTarget) -> String {
        let format = KPIFormat.of(target.kpi)
        return format.label + " " + target.direction.rawValue + " " + format.text(target.bound)
    }

    /// Time from the start as `h:mm`.
    private static func clock(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        return String(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
    }

    func json(database: String, experiment: Int64) throws -> [String: Any] {
        let summary = RunGroupSummary.summaries(of: result.runs).first
        return [
            "database": database, "experiment": experiment,
            "targets": targets.map(\.description),
            "groups": groups.indices.map { slot -> [String: Any] in
                var object: [String: Any] = ["group": name(slot), "agents": result.staffing[slot].max() ?? 0]
                if perInterval { object["per_interval"] = result.staffing[slot] }
                return object
            },
            "decided_by_mean": result.byMean,
            "replications": result.runs.count,
            "kpis": KPIFormat.json(summary?.kpis ?? []),
            "evaluations": log.map { evaluation -> [String: Any] in
                [
                    "staffing": evaluation.point, "replications": evaluation.runs.count, "meets": evaluation.meets,
                    "decided_by_mean": evaluation.byMean,
                ]
            },
        ]
    }
}
