import Foundation
import RouteSim

/// What `routesim selftest` prints: per case, each quantity's known value, the simulated
/// mean with its confidence interval, how far off it is and pass or fail; as aligned text or
/// as JSON.
///
/// The printed interval is at ``confidence`` (95 %), the interval a planner reads. The
/// decision is ``decision``'s: all quantities together at that confidence, so each one at a
/// higher confidence (Bonferroni); `off` is the distance from the expected value in
/// half-widths of that wider interval, and a quantity passes when it is at most 1 in size.
struct SelftestReport {
    var cases: [ValidationCase]
    /// Per case, one estimate per quantity, at ``confidence``.
    var estimates: [[Estimate]]
    var confidence: Double
    var replications: Int
    var seed: UInt64
    var wallSeconds: Double

    var quantityCount: Int { cases.reduce(0) { $0 + $1.quantities.count } }

    /// Every quantity checked together at ``confidence``.
    var decision: ValidationDecision {
        ValidationDecision(familyConfidence: confidence, quantityCount: quantityCount)
    }

    /// `E1 (12 agents) P(wait > 0) off by +1.42` for every quantity that fails.
    var failures: [String] {
        zip(cases, estimates).flatMap { validation, estimates in
            zip(validation.quantities, estimates).compactMap { quantity, estimate in
                decision.passes(quantity, estimate) ? nil
                    : "\(validation.id) (\(validation.setting)) \(quantity.name) off by \(Self.deviation(decision.deviation(quantity, estimate)))"
            }
        }
    }

    func text() -> String {
        let decision = decision
        var out = "routesim selftest: \(cases.count.counted("case")), \(replications) replications each, seed \(seed); "
        out += "simulated = mean of the replications with its \(Self.percent(confidence)) % confidence interval (Student t)\n"
        out += "decision: all \(quantityCount) quantities together at \(Self.percent(confidence)) % (Bonferroni), "
        out += "each in its \(Self.percent(decision.quantityConfidence)) % interval; "
        out += "off = (simulated - expected) / half-width of that interval, pass when |off| <= 1\n"
        out += "    " + "quantity".padding(toLength: 18, withPad: " ", startingAt: 0)
        out += Self.column("expected") + Self.column("simulated") + "  "
        out += "\(Self.percent(confidence)) % interval".padding(toLength: 26, withPad: " ", startingAt: 0) + "   off  result\n"
        for (validation, estimates) in zip(cases, estimates) {
            out += "\n\(validation.id)  \(validation.title)\n"
            for (quantity, estimate) in zip(validation.quantities, estimates) {
                let format = { (value: Double) in Self.format(value, unit: quantity.unit) }
                out += "    " + quantity.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                out += Self.column(format(quantity.expected)) + Self.column(format(estimate.mean))
                out += "  " + "[\(format(estimate.low)), \(format(estimate.high))]".padding(toLength: 26, withPad: " ", startingAt: 0)
                out += Self.column(Self.deviation(decision.deviation(quantity, estimate)), width: 6) + "  "
                out += decision.passes(quantity, estimate) ? "pass" : "FAIL"
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
        let decision = decision
        let document: [String: Any] = [
            "replications": replications, "seed": seed, "confidence": confidence,
            "quantity_confidence": decision.quantityConfidence, "wall_seconds": wallSeconds,
            "passed": failures.isEmpty, "quantities": quantityCount, "failed": failures.count,
            "cases": zip(cases, estimates).map { validation, estimates -> [String: Any] in
                [
                    "id": validation.id, "setting": validation.setting, "title": validation.title,
                    "quantities": zip(validation.quantities, estimates).map { quantity, estimate -> [String: Any] in
                        [
                            "name": quantity.name, "definition": quantity.measure.definition, "unit": quantity.unit,
                            "expected": quantity.expected, "mean": estimate.mean, "half_width": estimate.halfWidth,
                            "low": estimate.low, "high": estimate.high,
                            "decision_half_width": estimate.at(confidence: decision.quantityConfidence).halfWidth,
                            "deviation": decision.deviation(quantity, estimate), "passed": decision.passes(quantity, estimate),
                        ]
                    },
                ]
            },
        ]
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A confidence level in percent to 5 digits, without trailing zeros: `95`, `99.861`.
    static func percent(_ confidence: Double) -> String {
        String(format: "%.5g", confidence * 100)
    }

    /// A deviation with its sign to 2 decimals, `+0.42`; `nan` when nothing was measured.
    private static func deviation(_ value: Double) -> String {
        value.isNaN ? "nan" : String(format: "%+.2f", value)
    }

    /// `text` right-aligned in a column of `width` characters, after at least one space.
    private static func column(_ text: String, width: Int = 12) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }

    /// Seconds to 3 decimals with the unit, other values to 5 decimals.
    private static func format(_ value: Double, unit: String) -> String {
        unit.isEmpty ? String(format: "%.5f", value) : String(format: "%.3f", value) + " " + unit
    }
}
