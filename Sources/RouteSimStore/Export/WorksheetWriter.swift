/// Writes one worksheet's XML row by row: a bold header row frozen at the top, the column
/// widths, then the rows as they come, to a ``BufferedOutput``.
///
/// A row is written as soon as it is appended, so memory does not grow with the sheet. Text
/// goes to the workbook's ``SharedStrings`` until a column has added
/// ``sharedTextsPerColumn`` texts of its own; that column's other new texts are inline
/// (`t="inlineStr"`), so a column of unique texts cannot fill memory. Numbers are `<v>`
/// cells, date-times numbers with the date-time style, empty cells are left out. Rows and
/// cells carry no `r` reference where they follow the previous one (the reference is
/// optional in SpreadsheetML and readers count on from the last); a cell after an empty one
/// names its column. Rows past ``XLSXWriter/maxRows`` are the caller's to hold back.
public struct WorksheetWriter {
    /// Rows written so far, the header included.
    public private(set) var rowCount = 0
    /// How many new texts one column of a sheet may add to the shared strings.
    static let sharedTextsPerColumn = 1_000
    private let output: BufferedOutput
    private let sharedStrings: SharedStrings
    /// Per column, the texts it added to ``sharedStrings``.
    private var sharedTexts: [Int]
    /// The column letters of the header's columns, made once.
    private let letters: [[UInt8]]
    /// The row being made, kept to reuse its memory.
    private var row: [UInt8] = []

    /// Starts the sheet with `columns`' widths and header row; its text goes to `sharedStrings`.
    init(columns: [SheetColumn], output: BufferedOutput, sharedStrings: SharedStrings) throws(ExportError) {
        self.output = output
        self.sharedStrings = sharedStrings
        sharedTexts = Array(repeating: 0, count: columns.count)
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
    /// date-time style. The row is made in ``row`` (a stored property of this value, so no
    /// access to it needs checking at run time) and handed to the output whole.
    private mutating func append(_ cells: [CellValue], style: CellStyle) throws(ExportError) {
        rowCount += 1
        row.removeAll(keepingCapacity: true)
        append("<row>")
        var next = 0
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .empty: continue
            case .text(let text):
                if let index = sharedIndex(text, column: column) {
                    open(column, after: next, style: style, type: "s")
                    appendValue(String(index))
                } else {
                    open(column, after: next, style: style, type: "inlineStr")
                    append("<is>")
                    SpreadsheetText.appendElement(text, to: &row)
                    append("</is></c>")
                }
            case .integer, .number:
                guard let number = cell.numberText else { continue }
                open(column, after: next, style: style)
                appendValue(number)
            case .dateTime:
                guard let number = cell.numberText else { continue }
                open(column, after: next, style: .dateTime)
                appendValue(number)
            }
            next = column + 1
        }
        append("</row>")
        try output.append(row)
    }

    /// The shared-string index of `text` in `column`, adding it while the column may; nil
    /// for text to write inline.
    private mutating func sharedIndex(_ text: String, column: Int) -> Int? {
        if let index = sharedStrings.reference(text) { return index }
        guard column < sharedTexts.count, sharedTexts[column] < Self.sharedTextsPerColumn else { return nil }
        sharedTexts[column] += 1
        return sharedStrings.add(text)
    }

    /// Opens cell `column` up to its value: `<c`, the reference unless the cell follows the
    /// previous one (`next` is the column after it), the style unless plain, the type if any.
    private mutating func open(_ column: Int, after next: Int, style: CellStyle, type: StaticString? = nil) {
        append("<c")
        if column != next {
            append(" r=\"")
            if column < letters.count {
                row.append(contentsOf: letters[column])
            } else {
                row.append(contentsOf: CellReference.letters(column: column).utf8)
            }
            row.append(contentsOf: String(rowCount).utf8)
            append("\"")
        }
        if style != .plain {
            append(" s=\"")
            row.append(contentsOf: String(style.rawValue).utf8)
            append("\"")
        }
        if let type {
            append(" t=\"")
            append(type)
            append("\"")
        }
        append(">")
    }

    /// Appends `<v>number</v></c>`, closing the cell.
    private mutating func appendValue(_ number: String) {
        append("<v>")
        row.append(contentsOf: number.utf8)
        append("</v></c>")
    }

    /// Appends markup to ``row``.
    private mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { row.append(contentsOf: $0) }
    }
}
