import Foundation
import RouteSim
import RouteSimReport
import RouteSimStore

/// Reads a `--target` of `routesim staff`: `KPI>=BOUND` or `KPI<=BOUND`, the bound a number
/// or a percentage (`0.8`, `80%`).
///
/// KPIs are the results file's column names (`sl`, `asa`, `abandon_rate`, `occupancy`, ...)
/// or the planner's words for them: `service_level`, `abandoned`, `abandonment`.
enum TargetSyntax {
    /// Words accepted for a KPI column.
    static let aliases = ["service_level": "sl", "abandoned": "abandon_rate", "abandonment": "abandon_rate"]

    /// Every KPI name a target accepts, each once: the words, then the columns no word shadows
    /// (`abandoned` is the abandon rate here, not the count).
    static var knownNames: [String] {
        aliases.keys.sorted() + ResultStore.kpiNames.filter { aliases[$0] == nil }
    }

    /// The target `text` describes.
    static func parse(_ text: String) throws -> StaffingTarget {
        let compact = text.filter { !$0.isWhitespace }
        guard let range = compact.range(of: ">=") ?? compact.range(of: "<=") else {
            throw ExperimentError("--target '\(text)': expected KPI>=BOUND or KPI<=BOUND, e.g. service_level>=0.8")
        }
        let name = String(compact[..<range.lowerBound])
        let kpi = aliases[name] ?? name
        guard ResultStore.kpiNames.contains(kpi) else {
            throw ExperimentError(
                "--target '\(text)': unknown KPI \"\(name)\"; expected one of \(knownNames.joined(separator: ", "))")
        }
        var boundText = String(compact[range.upperBound...])
        let percent = boundText.hasSuffix("%")
        if percent { boundText.removeLast() }
        guard let value = Double(boundText), value.isFinite else {
            throw ExperimentError("--target '\(text)': expected a number or a percentage after \(compact[range]), found \"\(boundText)\"")
        }
        let bound = percent ? value / 100 : value
        if KPIFormat.of(kpi).unit == .fraction, !(0...1).contains(bound) {
            let written = percent ? boundText + "%" : boundText
            let hint = !percent && (1...100).contains(value)
                ? "; for \(written) %, write \(value / 100) or \(written)%" : ""
            throw ExperimentError(
                "--target '\(text)': \(name) is a fraction from 0 to 1 (or 0% to 100%), found \(written)\(hint)")
        }
        return StaffingTarget(kpi: kpi, direction: compact[range] == ">=" ? .atLeast : .atMost, bound: bound)
    }
}
