import Foundation
import RouteSim
import RouteSimReport
import RouteSimStore

/// What `routesim compare` prints: each variant's KPIs with their intervals, and each
/// variant's paired difference from the first (the baseline), overall and per queue.
struct ComparisonReport {
    /// The variant names; the first is the baseline.
    var variants: [String]
    /// Every run of the comparison.
    var runs: [StoredRunKPIs]

    /// The KPIs compared per queue.
    static let queueKPIs = ["offered", "sl", "asa", "abandon_rate", "occupancy"]

    /// The queues, in the order the first run lists them.
    var queues: [String] { runs.first?.queues.map(\.queue) ?? [] }

    /// One variant's values of `kpi` (of `queue`, or the whole center when nil), keyed by
    /// replication.
    func samples(_ variant: String, _ kpi: String, queue: String?) -> [(key: Int, value: Double)] {
        guard let column = ResultStore.kpiNames.firstIndex(of: kpi) else { return [] }
        return runs.filter { $0.variant == variant }.compactMap { run in
            let values = queue.map { name in run.queues.first { $0.queue == name }?.kpis } ?? run.kpis
            return values?[column].map { (run.replication, $0) }
        }
    }

    /// The mean and interval of `kpi` for one variant, nil when it has no value.
    func estimate(_ variant: String, _ kpi: String, queue: String?) -> Estimate? {
        let values = samples(variant, kpi, queue: queue).map(\.value)
        return values.isEmpty ? nil : Estimate(values)
    }

    /// `variant` minus the baseline, paired by replication.
    func difference(_ variant: String, _ kpi: String, queue: String?) -> PairedDifference {
        PairedDifference(a: samples(variants[0], kpi, queue: queue), b: samples(variant, kpi, queue: queue))
    }

    /// Aligned text: the center's KPIs, then one table per queue.
    func text() -> String {
        var blocks = [table(title: "all queues", kpis: KPIFormat.headline, queue: nil)]
        blocks += queues.map { table(title: "queue \($0)", kpis: Self.queueKPIs, queue: $0) }
        blocks.append("  * the 95 % CI of the paired difference excludes zero: the variants differ.")
        return blocks.joined(separator: "\n\n")
    }

    /// One table: a row per KPI, a column per variant, then a column per difference.
    private func table(title: String, kpis: [String], queue: String?) -> String {
        let others = variants.dropFirst()
        var table = TextTable(header: [title] + variants + others.map { "\($0) − \(variants[0])" })
        for kpi in kpis {
            let means = variants.map { variant in estimate(variant, kpi, queue: queue).map { KPIFormat.of(kpi).text($0) } ?? "-" }
            let differences = others.map { variant -> String in
                let difference = difference(variant, kpi, queue: queue)
                guard let estimate = difference.estimate else { return "-" }
                return Self.signed(kpi, estimate) + (difference.isSignificant ? " *" : "  ")
            }
            table.rows.append([KPIFormat.of(kpi).label] + means + differences)
        }
        return table.render()
    }

    /// A difference with its sign and half-width: `+3.2 pp ± 0.4` (percentage points for
    /// fractions), `-12.5 s ± 3.1`.
    private static func signed(_ kpi: String, _ estimate: Estimate) -> String {
        var text = KPIFormat.of(kpi).text(estimate)
        if KPIFormat.of(kpi).unit == .fraction { text = text.replacingOccurrences(of: " %", with: " pp") }
        return estimate.mean > 0 ? "+" + text : text
    }

    /// The comparison as one JSON object.
    func json(database: String, experiment: Int64) -> [String: Any] {
        func variantObject(_ variant: String, queue: String?, kpis: [String]) -> [String: Any] {
            Dictionary(kpis.compactMap { kpi in estimate(variant, kpi, queue: queue).map { (kpi, KPIFormat.json($0) as Any) } },
                       uniquingKeysWith: { first, _ in first })
        }
        func differenceObject(_ variant: String, queue: String?, kpis: [String]) -> [String: Any] {
            Dictionary(kpis.compactMap { kpi -> (String, Any)? in
                let difference = difference(variant, kpi, queue: queue)
                guard let estimate = difference.estimate else { return nil }
                var object = KPIFormat.json(estimate)
                object["significant"] = difference.isSignificant
                return (kpi, object)
            }, uniquingKeysWith: { first, _ in first })
        }
        let all = ResultStore.kpiNames
        return [
            "database": database, "experiment": experiment, "baseline": variants[0],
            "variants": variants.map { variant -> [String: Any] in
                [
                    "variant": variant, "replications": runs.filter { $0.variant == variant }.count,
                    "kpis": variantObject(variant, queue: nil, kpis: all),
                    "queues": queues.map { ["queue": $0, "kpis": variantObject(variant, queue: $0, kpis: all)] as [String: Any] },
                ]
            },
            "differences": variants.dropFirst().map { variant -> [String: Any] in
                [
                    "variant": variant, "minus": variants[0],
                    "kpis": differenceObject(variant, queue: nil, kpis: all),
                    "queues": queues.map { ["queue": $0, "kpis": differenceObject(variant, queue: $0, kpis: all)] as [String: Any] },
                ]
            },
        ]
    }
}
