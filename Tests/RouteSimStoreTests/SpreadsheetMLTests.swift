import Foundation
@testable import RouteSimStore
import Testing

/// The SpreadsheetML pieces of the XLSX export: escaping, cell references, cell types.
@Suite struct SpreadsheetMLTests {
    func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        SpreadsheetText.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The XML of a sheet with `columns` and `rows`, as ``WorksheetWriter`` writes it, and
    /// that of the shared strings it used.
    func sheetXML(columns: [SheetColumn], rows: [[CellValue]]) throws -> (sheet: String, sharedStrings: String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let output = try BufferedOutput(url: url, path: url.path)
        let sharedStrings = SharedStrings()
        var sheet = try WorksheetWriter(columns: columns, output: output, sharedStrings: sharedStrings)
        for row in rows { try sheet.append(row) }
        try sheet.finish()
        try output.close()
        return (try String(contentsOf: url, encoding: .utf8), String(decoding: sharedStrings.xml, as: UTF8.self))
    }

    @Test func markupCharactersBecomeEntities() {
        #expect(escaped(#"a<b>&"c" 'd'"#) == "a&lt;b&gt;&amp;&quot;c&quot; 'd'")
        #expect(escaped("plain text, ünïcödé ✓") == "plain text, ünïcödé ✓")
    }

    @Test func controlCharactersBecomeExcelEscapes() {
        #expect(escaped("a\u{1}b\u{1F}c") == "a_x0001_b_x001F_c")
        #expect(escaped("tab\tline\nkept") == "tab\tline\nkept")
        #expect(escaped("cr\r") == "cr_x000D_")
        #expect(escaped("\u{FFFE}\u{FFFF}\u{FFFD}") == "_xFFFE__xFFFF_\u{FFFD}")
    }

    @Test func aLiteralEscapeKeepsItsMeaning() {
        #expect(escaped("_x0041_") == "_x005F_x0041_")
        #expect(escaped("snake_x_case _x12_ _x00zz_") == "snake_x_case _x12_ _x00zz_")
    }

    @Test func cellReferences() {
        #expect(CellReference(row: 1, column: 0).description == "A1")
        #expect(CellReference(row: 3, column: 25).description == "Z3")
        #expect(CellReference(row: 12, column: 26).description == "AA12")
        #expect(CellReference(row: 7, column: 701).description == "ZZ7")
        #expect(CellReference(row: 1_048_576, column: 702).description == "AAA1048576")
        #expect(CellReference.letters(column: 16_383) == "XFD")
    }

    @Test func numbersAreValuesAndTextIsShared() throws {
        let (xml, shared) = try sheetXML(
            columns: [SheetColumn(header: "a", width: 8), SheetColumn(header: "b & c", width: 12)],
            rows: [[.integer(42), .number(0.1)], [.text(" x<y "), .empty, .number(.infinity), .dateTime(45_000.5)],
                   [.text("a"), .integer(-7)]])
        #expect(xml.contains(#"<row><c s="1" t="s"><v>0</v></c><c s="1" t="s"><v>1</v></c></row>"#))
        #expect(xml.contains(#"<row><c><v>42</v></c><c><v>0.1</v></c></row>"#))
        #expect(xml.contains(#"<row><c t="s"><v>2</v></c><c r="D3" s="2"><v>45000.5</v></c></row>"#),
                "empty and infinite cells are left out; the cell after them names its place")
        #expect(xml.contains(#"<row><c t="s"><v>0</v></c><c><v>-7</v></c></row>"#), "a text seen before is referred to")
        #expect(shared.hasSuffix(#"count="4" uniqueCount="3"><si><t>a</t></si><si><t>b &amp; c</t></si>"#
            + #"<si><t xml:space="preserve"> x&lt;y </t></si></sst>"#), "\(shared)")
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<col min="2" max="2" width="12.0" customWidth="1"/>"#))
        #expect(xml.hasSuffix("</sheetData></worksheet>"))
    }

    @Test func aColumnOfManyTextsGoesInlinePastItsShare() throws {
        let limit = WorksheetWriter.sharedTextsPerColumn
        let rows = (0...limit).map { [CellValue.text("task \($0)"), .text("queue \($0 % 3)")] }
        let (xml, shared) = try sheetXML(columns: [SheetColumn(header: "sid", width: 8), SheetColumn(header: "q", width: 8)],
                                         rows: rows + [[.text("task 0")]])
        #expect(xml.contains(#"<row><c t="inlineStr"><is><t>task \#(limit - 1)</t></is></c><c t="s"><v>"#),
                "past its share (the header counts) a column writes new texts inline, others still shared")
        #expect(xml.hasSuffix(#"<row><c t="s"><v>2</v></c></row></sheetData></worksheet>"#), "texts shared before stay shared")
        #expect(shared.contains(#"uniqueCount="\#(limit + 4)""#), "2 headers, \(limit - 1) tasks, 3 queues")
    }

    @Test func clockTextOfSerialDates() {
        #expect(CellValue.clockText(serial: 25_569) == "1970-01-01 00:00:00")
        #expect(CellValue.clockText(serial: 45_000.5) == "2023-03-15 12:00:00")
        #expect(CellValue.clockText(serial: 45_717 + 8.5 / 24 + 0.4 / 86_400) == "2025-03-01 08:30:00")
        #expect(CellValue.clockText(serial: 60.75) == "1900-02-28 18:00:00")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        func field(_ text: String) -> String {
            var out: [UInt8] = []
            CSVWriter.appendField(text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(field("plain") == "plain")
        #expect(field("a,b") == #""a,b""#)
        #expect(field(#"say "hi""#) == #""say ""hi""""#)
        #expect(field("two\nlines") == "\"two\nlines\"")
        #expect(field("cr\r") == "\"cr\r\"")
        #expect(field(#"{"a":1}"#) == #""{""a"":1}""#)
        #expect(field("") == "")
    }

    @Test func csvRecordsEndInCRLF() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let output = try BufferedOutput(url: url, path: url.path)
        let csv = CSVWriter(output: output)
        try csv.append([.text("id"), .text("note")])
        try csv.append([.integer(1), .empty, .number(2.5), .dateTime(25_569.25)])
        try output.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "id,note\r\n1,,2.5,1970-01-01 06:00:00\r\n")
    }
}
