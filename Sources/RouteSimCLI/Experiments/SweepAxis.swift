import Foundation

/// One `--vary KEY=VALUES` of `routesim sweep`: a scenario key and the values it takes.
///
/// VALUES is a comma-separated list (`10,12,14`, `FIFO,LIFO`; commas inside brackets do not
/// split: `[en],[en,es]`) or a range `A...B` with an optional step `A...B:STEP` (default 1),
/// both ends included.
struct SweepAxis: Equatable {
    var key: String
    /// The values as YAML text, in sweep order.
    var values: [String]

    /// Parses one `--vary` value.
    init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ExperimentError("--vary '\(text)': expected KEY=LIST or KEY=A...B[:STEP]")
        }
        key = String(text[..<equals])
        let spec = String(text[text.index(after: equals)...])
        if let dots = spec.range(of: "...") {
            values = try Self.range(from: String(spec[..<dots.lowerBound]), rest: String(spec[dots.upperBound...]), text: text)
        } else {
            values = Self.splitList(spec)
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw ExperimentError("--vary '\(text)': expected at least one value and no empty value")
        }
    }

    /// The values of `A...B[:STEP]`.
    private static func range(from lower: String, rest: String, text: String) throws -> [String] {
        let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
        guard let start = Double(lower), let end = Double(parts.first ?? ""),
            let step = parts.count > 1 ? Double(parts[1]) : 1
        else {
            throw ExperimentError("--vary '\(text)': expected A...B[:STEP] with numbers, e.g. workers.agents.count=10...16:2")
        }
        guard step > 0, start <= end else {
            throw ExperimentError("--vary '\(text)': expected A <= B and a positive STEP")
        }
        let count = Int(((end - start) / step + 1e-9).rounded(.down)) + 1
        guard count <= 10_000 else { throw ExperimentError("--vary '\(text)': \(count) values; at most 10,000") }
        let integral = [start, step].allSatisfy { $0 == $0.rounded() }
        return (0..<count).map { index in
            let value = start + Double(index) * step
            return integral && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%g", value)
        }
    }

    /// Splits at commas outside brackets and braces, trimming blanks.
    private static func splitList(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        return values
    }

    /// Every combination of the axes' values, the first axis varying slowest.
    static func grid(_ axes: [SweepAxis]) -> [[String]] {
        axes.reduce([[]]) { points, axis in points.flatMap { point in axis.values.map { point + [$0] } } }
    }
}
