import Foundation

/// One axis of a chart: the domain it shows, its ticks with their labels, and its title.
///
/// Categorical axes are numeric too: category `i` sits at `i` on a domain of
/// `-0.5 ... count - 0.5`.
struct Axis: Sendable {
    /// The smallest and largest value shown.
    var low: Double
    var high: Double
    /// Tick positions (in the domain) and their labels.
    var ticks: [(value: Double, label: String)]
    /// The axis title, units included, e.g. `hours from start` or `tasks`.
    var title: String

    /// A linear axis over `values` with round ticks: from zero (or the smallest value if
    /// `fromZero` is false) to a round number above the largest. A domain without spread
    /// is widened to one unit. For a count (`integers`: agents, tasks), ticks fall on whole
    /// numbers even where the values are means and so fractions.
    static func linear(over values: [Double], fromZero: Bool = true, integers: Bool = false, title: String,
                       label: @escaping (Double) -> String = Axis.number) -> Axis {
        let finite = values.filter(\.isFinite)
        var low = fromZero ? min(0, finite.min() ?? 0) : (finite.min() ?? 0)
        var high = max(finite.max() ?? 1, low)
        if high - low < 1e-9 { high = low + 1 }
        let step = niceStep((high - low) / 5, integers: integers)
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let count = Int(((high - low) / step).rounded())
        let ticks = (0...count).map { low + Double($0) * step }
        return Axis(low: low, high: high, ticks: ticks.map { ($0, label($0)) }, title: title)
    }

    /// A fraction axis from 0 to 100 % in steps of 20 %.
    static func fraction(title: String) -> Axis {
        let ticks = stride(from: 0.0, through: 1.0, by: 0.2).map { ($0, percent($0)) }
        return Axis(low: 0, high: 1, ticks: ticks, title: title)
    }

    /// A time axis in hours from the scenario start over `start ... end` seconds, ticking
    /// every 1, 2, 3 or 6 hours so that there are at most 13 ticks.
    static func hours(from start: Double, to end: Double) -> Axis {
        let low = (start / 3600).rounded(.down)
        let high = max((end / 3600).rounded(.up), low + 1)
        let step = [1.0, 2, 3, 6, 12, 24].first { (high - low) / $0 <= 12 } ?? 48
        let ticks = stride(from: low, through: high, by: step).map { ($0, number($0)) }
        return Axis(low: low, high: high, ticks: ticks, title: "hours from start")
    }

    /// Categories `labels` at 0, 1, 2, …
    static func categories(_ labels: [String], title: String) -> Axis {
        Axis(low: -0.5, high: Double(labels.count) - 0.5,
             ticks: labels.enumerated().map { (Double($0.offset), $0.element) }, title: title)
    }

    /// Where `value` lands between `from` (the domain's low end) and `to` (its high end).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - low) / (high - low) * (to - from)
    }

    /// A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten; with `integers`, a whole
    /// number (at least 1, and 2 or 5 where 2.5 would leave a fraction).
    private static func niceStep(_ raw: Double, integers: Bool = false) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let quarter = integers && magnitude < 10
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 && !quarter ? 2.5 : fraction <= 5 ? 5 : 10
        return integers ? max(1, nice * magnitude) : nice * magnitude
    }

    /// A tick label: an integer without decimals, else up to two.
    static func number(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }

    /// A fraction as a percentage tick label, e.g. `80 %`.
    static func percent(_ value: Double) -> String {
        number((value * 1000).rounded() / 10) + " %"
    }
}
