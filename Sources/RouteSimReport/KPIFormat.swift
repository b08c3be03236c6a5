import Foundation
import RouteSim
import RouteSimStore

/// How a KPI column reads to a person: its label and unit, and its values as text.
public struct KPIFormat: Sendable {
    /// The unit a KPI is counted in.
    public enum Unit: String, Sendable {
        case tasks, reservations, seconds, workerSeconds = "worker-seconds", fraction
    }

    /// The column name (``RouteSimStore/ResultStore/kpiNames``).
    public var name: String
    /// A short label, e.g. `service level`, `ASA`.
    public var label: String
    public var unit: Unit

    /// The format of the KPI column `name`; a column this build does not know reads as a
    /// count labelled with its name.
    public static func of(_ name: String) -> KPIFormat {
        let (label, unit) = known[name] ?? (name.replacingOccurrences(of: "_", with: " "), .tasks)
        return KPIFormat(name: name, label: label, unit: unit)
    }

    /// The KPIs a planner reads first, in the order tables and charts show them.
    public static let headline = ["offered", "answered", "abandoned", "sl", "sl_offered", "asa", "aht",
                                  "abandon_rate", "occupancy", "longest_wait", "reservations_timed_out"]

    /// A value in the KPI's unit: `74.1 %`, `17.0 s`, `2.4 h` of worker time, `741` or
    /// `741.3` tasks (a mean over replications need not be whole).
    public func text(_ value: Double) -> String {
        switch unit {
        case .fraction: String(format: "%.1f %%", value * 100)
        case .seconds: String(format: "%.1f s", value)
        case .workerSeconds: String(format: "%.1f h", value / 3600)
        case .tasks, .reservations:
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
        }
    }

    /// The estimate as `mean ± half-width`, or the mean alone for one replication.
    public func text(_ estimate: Estimate) -> String {
        guard estimate.halfWidth.isFinite else { return text(estimate.mean) }
        return text(estimate.mean) + " ± " + text(estimate.halfWidth)
    }

    /// The estimate's interval as `[low, high]`, or `-` for one replication.
    public func interval(_ estimate: Estimate) -> String {
        estimate.halfWidth.isFinite ? "[\(text(estimate.low)), \(text(estimate.high))]" : "-"
    }

    /// An estimate for scripts: `{"mean", "sd", "count", "low", "high", "half_width"}`, the
    /// interval's ends null for one replication.
    public static func json(_ estimate: Estimate) -> [String: Any] {
        let finite = estimate.halfWidth.isFinite
        return [
            "mean": estimate.mean, "sd": estimate.standardDeviation, "count": estimate.count,
            "low": finite ? estimate.low : NSNull(), "high": finite ? estimate.high : NSNull(),
            "half_width": finite ? estimate.halfWidth : NSNull(),
        ]
    }

    /// KPI name → ``json(_:)-swift.type.method`` of its estimate.
    public static func json(_ kpis: [KPIEstimate]) -> [String: Any] {
        Dictionary(kpis.map { ($0.name, json($0.estimate) as Any) }, uniquingKeysWith: { first, _ in first })
    }

    /// Pretty-printed JSON text of `document`, keys sorted.
    public static func jsonText(_ document: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static let known: [String: (String, Unit)] = [
        "offered": ("offered", .tasks),
        "answered": ("answered", .tasks),
        "abandoned": ("abandoned", .tasks),
        "other_canceled": ("other canceled", .tasks),
        "answered_within": ("answered within SL", .tasks),
        "abandoned_after": ("abandoned after SL", .tasks),
        "answered_wait_seconds": ("total wait of answered", .seconds),
        "handled": ("handled", .tasks),
        "handle_seconds": ("total handle time", .seconds),
        "longest_wait": ("longest wait", .seconds),
        "busy_seconds": ("busy worker time", .workerSeconds),
        "staffed_seconds": ("staffed worker time", .workerSeconds),
        "reservations_created": ("reservations created", .reservations),
        "reservations_accepted": ("reservations accepted", .reservations),
        "reservations_rejected": ("reservations rejected", .reservations),
        "reservations_timed_out": ("reservation time-outs", .reservations),
        "sl": ("service level", .fraction),
        "sl_offered": ("SL of offered", .fraction),
        "sl_answered": ("SL of answered", .fraction),
        "abandon_rate": ("abandon rate", .fraction),
        "asa": ("ASA", .seconds),
        "aht": ("AHT", .seconds),
        "occupancy": ("occupancy", .fraction),
    ]
}
