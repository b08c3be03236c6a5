/// Columns of text aligned for a terminal, two spaces apart: text columns left-aligned,
/// number columns right-aligned.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Per column, whether it is right-aligned; by default every column but the first.
    public var alignRight: [Bool]

    public init(header: [String], rows: [[String]] = [], alignRight: [Bool]? = nil) {
        self.header = header
        self.rows = rows
        self.alignRight = alignRight ?? header.indices.map { $0 > 0 }
    }

    /// The lines: the header, a rule under it when `rule`, then one line per row, each
    /// prefixed by `indent` and without trailing blanks.
    public func lines(indent: String = "  ", rule: Bool = true) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = widths.indices.map { column -> String in
                let cell = cells.indices.contains(column) ? cells[column] : ""
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return alignRight[column] ? pad + cell : cell + pad
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let ruler = rule ? [indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] : []
        return [line(header)] + ruler + rows.map(line)
    }

    /// ``lines(indent:rule:)`` joined by newlines.
    public func render(indent: String = "  ", rule: Bool = true) -> String {
        lines(indent: indent, rule: rule).joined(separator: "\n")
    }
}
