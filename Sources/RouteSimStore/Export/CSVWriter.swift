/// Writes CSV as RFC 4180 has it: comma-separated fields, CRLF line ends, and a field in
/// double quotes (its quotes doubled) when it holds a comma, a quote, CR or LF.
///
/// Numbers are written in full precision (Swift's shortest round-trip form), date-times as
/// `YYYY-MM-DD HH:MM:SS`, empty cells as empty fields.
public struct CSVWriter {
    private let output: BufferedOutput

    init(output: BufferedOutput) {
        self.output = output
    }

    /// Appends one record.
    public func append(_ cells: [CellValue]) throws(ExportError) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.buffer.append(UInt8(ascii: ",")) }
            if let text = cell.csvText { Self.appendField(text, to: &output.buffer) }
        }
        output.buffer.append(contentsOf: [0x0D, 0x0A])
        try output.flushIfFull()
    }

    /// Appends `field`, quoted if it needs to be.
    static func appendField(_ field: String, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(quote)
        for byte in field.utf8 {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }
}
