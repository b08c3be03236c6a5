import Foundation
import RouteSim
import RouteSimReport
import RouteSimStore

/// A sweep's results as pivot tables: with one axis, a row per value and a column per KPI;
/// with more, one table per KPI, a row per combination of all axes but the last and a
/// column per value of the last.
struct SweepPivot {
    var axes: [SweepAxis]
    /// The points' values, in grid order.
    var points: [[String]]
    var kpis: [String]
    var runs: [StoredRunKPIs]

    /// A point as `runs.point` stores it: a JSON object of key → value, numbers as numbers.
    static func pointJSON(axes: [SweepAxis], values: [String]) -> String {
        let object = Dictionary(zip(axes.map(\.key), values.map(jsonValue)), uniquingKeysWith: { first, _ in first })
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A value as a JSON number when it reads as one, else as a string.
    private static func jsonValue(_ text: String) -> Any {
        if let integer = Int(text) { return integer }
        if let number = Double(text), number.isFinite { return number }
        return text
    }

    /// The estimate of `kpi` at the point with `values`.
    func estimate(_ values: [String], _ kpi: String) -> Estimate? {
        let point = Self.pointJSON(axes: axes, values: values)
        let samples = runs.filter { $0.point == point }.compactMap { $0.value(kpi) }
        return samples.isEmpty ? nil : Estimate(samples)
    }

    /// The tables as aligned text.
    func text() -> String {
        let cell = { (values: [String], kpi: String) in self.estimate(values, kpi).map { KPIFormat.of(kpi).text($0) } ?? "-" }
        guard axes.count > 1 else {
            var table = TextTable(header: [axes[0].key] + kpis.map { KPIFormat.of($0).label })
            table.rows = points.map { values in [values[0]] + kpis.map { cell(values, $0) } }
            return table.render()
        }
        let last = axes[axes.count - 1]
        let rows = SweepAxis.grid(Array(axes.dropLast()))
        let rowTitle = axes.dropLast().map(\.key).joined(separator: ", ")
        return kpis.map { kpi in
            var table = TextTable(header: [rowTitle + " \\ " + last.key] + last.values)
            table.rows = rows.map { row in [row.joined(separator: ", ")] + last.values.map { cell(row + [$0], kpi) } }
            return KPIFormat.of(kpi).label + "\n" + table.render()
        }.joined(separator: "\n\n")
    }

    /// The axes and every point's estimates as one JSON object.
    func json(database: String, experiment: Int64) -> [String: Any] {
        [
            "database": database, "experiment": experiment,
            "axes": axes.map { ["key": $0.key, "values": $0.values] as [String: Any] },
            "points": points.map { values -> [String: Any] in
                let point = Self.pointJSON(axes: axes, values: values)
                let members = runs.filter { $0.point == point }
                return [
                    "point": (try? JSONSerialization.jsonObject(with: Data(point.utf8))) ?? [:],
                    "replications": members.count,
                    "kpis": KPIFormat.json(RunGroupSummary.summaries(of: members).first?.kpis ?? []),
                ]
            },
        ]
    }
}
