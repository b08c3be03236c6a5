import Foundation
import RouteSim

/// How the experiment commands show a KPI column: its label, its unit, an estimate as
/// text and as JSON.
enum KPIFormat {
    /// The KPIs experiment summaries print, in order (the file holds every column).
    static let shown = [
        "offered", "answered", "abandoned", "sl", "sl_offered", "asa", "abandon_rate", "aht", "occupancy",
        "longest_wait",
    ]

    /// What a KPI's values are.
    enum Unit {
        case fraction, seconds, count
    }

    /// The unit of the KPI column `name`.
    static func unit(_ name: String) -> Unit {
        switch name {
        case "sl", "sl_offered", "sl_answered", "abandon_rate", "occupancy": .fraction
        case "asa", "aht", "longest_wait", "answered_wait_seconds", "handle_seconds", "busy_seconds",
            "staffed_seconds":
            .seconds
        default: .count
        }
    }

    /// A value in the KPI's unit: `88.8 %`, `7.8 s`, `1203.4`.
    static func text(_ name: String, _ value: Double?) -> String {
        guard let value else { return "-" }
        return switch unit(name) {
        case .fraction: String(format: "%.1f %%", value * 100)
        case .seconds: String(format: "%.1f s", value)
        case .count: value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
        }
    }

    /// The half-width of an interval in the KPI's unit without the unit: `± 0.6`; empty for
    /// one replication.
    static func halfWidth(_ name: String, _ estimate: Estimate) -> String {
        guard estimate.halfWidth.isFinite else { return "" }
        return switch unit(name) {
        case .fraction: String(format: "± %.1f", estimate.halfWidth * 100)
        case .seconds, .count: String(format: "± %.1f", estimate.halfWidth)
        }
    }

    /// Mean and half-width: `88.8 % ± 0.6`.
    static func text(_ name: String, _ estimate: Estimate) -> String {
        let interval = halfWidth(name, estimate)
        return text(name, estimate.mean) + (interval.isEmpty ? "" : " " + interval)
    }

    /// `{"mean", "low", "high", "half_width", "n"}`; the interval's ends are null for one
    /// replication.
    static func json(_ estimate: Estimate) -> [String: Any] {
        let finite = estimate.halfWidth.isFinite
        return [
            "mean": estimate.mean, "n": estimate.count,
            "low": finite ? estimate.low : NSNull(), "high": finite ? estimate.high : NSNull(),
            "half_width": finite ? estimate.halfWidth : NSNull(),
        ]
    }

    /// Pretty, key-sorted JSON text of `document`.
    static func jsonText(_ document: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
