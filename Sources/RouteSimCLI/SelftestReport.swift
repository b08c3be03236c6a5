import Foundation
import RouteSim

/// What `routesim selftest` prints: per case, each quantity's known value, the simulated
/// mean with its confidence interval, and pass or fail; as aligned text or as JSON.
struct SelftestReport {
    var cases: [ValidationCase]
    /// Per case, one estimate per quantity.
    var estimates: [[Estimate]]
    var confidence: Double
    var replications: Int
    var seed: UInt64
    var wallSeconds: Double

    var quantityCount: Int { cases.reduce(0) { $0 + $1.quantities.count } }

    /// `E1 (12 agents) P(wait > 0)` for every quantity whose interval misses its known value.
    var failures: [String] {
        zip(cases, estimates).flatMap { validation, estimates in
            zip(validation.quantities, estimates).compactMap { quantity, estimate in
                quantity.passes(estimate) ? nil : "\(validation.id) (\(validation.setting)) \(quantity.name)"
            }
        }
    }

    func text() -> String {
        var out = "routesim selftest: \(cases.count) cases, \(replications) replications each, seed \(seed); "
        out += "simulated = mean of the replications with its \(percent) % confidence interval (Student t)\n"
        out += "    " + "quantity".padding(toLength: 18, withPad: " ", startingAt: 0)
        out += Self.column("expected") + Self.column("simulated") + "  " + "\(percent) % interval".padding(toLength: 26, withPad: " ", startingAt: 0) + "result\n"
        for (validation, estimates) in zip(cases, estimates) {
            out += "\n\(validation.id)  \(validation.title)\n"
            for (quantity, estimate) in zip(validation.quantities, estimates) {
                let format = { (value: Double) in Self.format(value, unit: quantity.unit) }
                out += "    " + quantity.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                out += Self.column(format(quantity.expected)) + Self.column(format(estimate.mean))
                out += "  " + "[\(format(estimate.low)), \(format(estimate.high))]".padding(toLength: 26, withPad: " ", startingAt: 0)
                out += quantity.passes(estimate) ? "pass" : "FAIL"
                out += "\n"
            }
        }
        out += "\ndefinitions (tasks created after each case's warm-up):\n"
        var seen: [String] = []
        for quantity in cases.flatMap(\.quantities) where !seen.contains(quantity.name) {
            seen.append(quantity.name)
            out += "    " + quantity.name.padding(toLength: 18, withPad: " ", startingAt: 0) + quantity.measure.definition + "\n"
        }
        let failed = failures.count
        out += "\n\(quantityCount - failed) of \(quantityCount) quantities pass"
        out += failed == 0 ? "" : ", \(failed) FAIL"
        out += String(format: "; %.1f s wall", wallSeconds)
        return out
    }

    func json() -> String {
        let document: [String: Any] = [
            "replications": replications, "seed": seed, "confidence": confidence, "wall_seconds": wallSeconds,
            "passed": failures.isEmpty, "quantities": quantityCount, "failed": failures.count,
            "cases": zip(cases, estimates).map { validation, estimates -> [String: Any] in
                [
                    "id": validation.id, "setting": validation.setting, "title": validation.title,
                    "quantities": zip(validation.quantities, estimates).map { quantity, estimate -> [String: Any] in
                        [
                            "name": quantity.name, "definition": quantity.measure.definition, "unit": quantity.unit,
                            "expected": quantity.expected, "mean": estimate.mean, "half_width": estimate.halfWidth,
                            "low": estimate.low, "high": estimate.high, "passed": quantity.passes(estimate),
                        ]
                    },
                ]
            },
        ]
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The confidence level in percent, `95`.
    private var percent: Int { Int((confidence * 100).rounded()) }

    /// A right-aligned column of 12 characters.
    private static func column(_ text: String) -> String {
        String(repeating: " ", count: max(1, 12 - text.count)) + text
    }

    /// Seconds to 3 decimals with the unit, other values to 5 decimals.
    private static func format(_ value: Double, unit: String) -> String {
        unit.isEmpty ? String(format: "%.5f", value) : String(format: "%.3f", value) + " " + unit
    }
}
