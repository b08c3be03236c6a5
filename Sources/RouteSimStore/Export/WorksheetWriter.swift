/// Writes one worksheet's XML row by row: a bold header row frozen at the top, the column
/// widths, then the rows as they come, to a ``BufferedOutput``.
///
/// Strings are inline (`t="inlineStr"`), so a row is written as soon as it is appended and
/// memory does not grow with the sheet; a shared-string table would have to be held until
/// the end. Numbers are `<v>` cells, date-times numbers with the date-time style, empty
/// cells are left out. Rows past ``XLSXWriter/maxRows`` are the caller's to hold back.
public struct WorksheetWriter {
    /// Rows written so far, the header included.
    public private(set) var rowCount = 0
    private let output: BufferedOutput
    /// The column letters of the header's columns, made once.
    private let letters: [[UInt8]]

    /// Starts the sheet with `columns`' widths and header row.
    init(columns: [SheetColumn], output: BufferedOutput) throws(ExportError) {
        self.output = output
        letters = columns.indices.map { Array(CellReference.letters(column: $0).utf8) }
        var head = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """
        if !columns.isEmpty {
            head += "<cols>"
            for (index, column) in columns.enumerated() {
                head += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        try output.append(head + "<sheetData>")
        try append(columns.map { .text($0.header) }, style: .header)
    }

    /// Appends a row of data.
    public mutating func append(_ cells: [CellValue]) throws(ExportError) {
        try append(cells, style: .plain)
    }

    /// Appends a row in italics, e.g. a note under the data.
    public mutating func appendNote(_ text: String) throws(ExportError) {
        try append([.text(text)], style: .note)
    }

    /// Closes the sheet's XML; the output stays open.
    func finish() throws(ExportError) {
        try output.append("</sheetData></worksheet>")
    }

    /// Appends a row whose text and number cells have `style`; date-times always have the
    /// date-time style.
    private mutating func append(_ cells: [CellValue], style: CellStyle) throws(ExportError) {
        rowCount += 1
        let row = String(rowCount)
        output.buffer.append(contentsOf: "<row r=\"\(row)\">".utf8)
        for (column, cell) in cells.enumerated() {
            let text: String?, number: String?, cellStyle: CellStyle
            switch cell {
            case .empty: continue
            case .text(let value): (text, number, cellStyle) = (value, nil, style)
            case .integer, .number: (text, number, cellStyle) = (nil, cell.numberText, style)
            case .dateTime: (text, number, cellStyle) = (nil, cell.numberText, .dateTime)
            }
            if text == nil && number == nil { continue }
            output.buffer.append(contentsOf: "<c r=\"".utf8)
            if column < letters.count {
                output.buffer.append(contentsOf: letters[column])
            } else {
                output.buffer.append(contentsOf: CellReference.letters(column: column).utf8)
            }
            output.buffer.append(contentsOf: row.utf8)
            output.buffer.append(UInt8(ascii: "\""))
            if cellStyle != .plain {
                output.buffer.append(contentsOf: " s=\"\(cellStyle.rawValue)\"".utf8)
            }
            if let text {
                let preserve = SpreadsheetText.hasOuterBlanks(text) ? " xml:space=\"preserve\"" : ""
                output.buffer.append(contentsOf: " t=\"inlineStr\"><is><t\(preserve)>".utf8)
                SpreadsheetText.append(text, to: &output.buffer)
                output.buffer.append(contentsOf: "</t></is></c>".utf8)
            } else if let number {
                output.buffer.append(contentsOf: "><v>".utf8)
                output.buffer.append(contentsOf: number.utf8)
                output.buffer.append(contentsOf: "</v></c>".utf8)
            }
        }
        output.buffer.append(contentsOf: "</row>".utf8)
        try output.flushIfFull()
    }
}
