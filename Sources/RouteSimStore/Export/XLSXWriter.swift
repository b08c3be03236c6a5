import Foundation
import ZIPFoundation

/// Writes an Excel workbook (`.xlsx`): sheets added one after another, each streamed row by
/// row, then ``finish()`` to complete the file.
///
/// The workbook is the minimum Excel, LibreOffice and openpyxl read without complaint: a
/// zip of `[Content_Types].xml`, the package and workbook relationships, `xl/workbook.xml`,
/// `xl/styles.xml` (``CellStyle``), `xl/sharedStrings.xml` (``SharedStrings``) and one
/// `xl/worksheets/sheetN.xml` per sheet. A sheet's
/// XML is spooled to a scratch file beside the output as it is written, then deflated into
/// the zip through a reading closure: ZIPFoundation needs an entry's size before its first
/// byte, and a million-row sheet should not sit in memory. Entries carry a fixed date, so
/// the same data gives the same bytes. The file is written under a temporary name and
/// renamed by ``finish()``; a writer dropped before that leaves nothing behind.
public final class XLSXWriter {
    /// Excel's limit of rows per sheet, header included.
    public static let maxRows = 1_048_576

    private let staged: StagedFile
    private let archive: Archive
    /// The sheet names, in order.
    private var sheets: [String] = []
    private let sharedStrings = SharedStrings()
    private var finished = false
    /// The date every entry carries: 2025-01-01 00:00 UTC.
    private static let entryDate = Date(timeIntervalSince1970: 1_735_689_600)

    /// Starts a workbook that ``finish()`` will put at `path`, replacing a file there only
    /// when `replacing`.
    public init(path: String, replacing: Bool = false) throws(ExportError) {
        staged = try StagedFile(path: path, replacing: replacing)
        do {
            archive = try Archive(url: staged.temporaryURL, accessMode: .create)
        } catch {
            throw ExportError(path: path, reason: "cannot create a zip file in its folder (\(error))")
        }
    }

    deinit {
        if !finished { staged.discard() }
    }

    /// Adds a sheet called `name` with `columns` (header row and widths); `rows` appends
    /// the rows. Throws an ``ExportError`` when the output cannot be written, or what `rows`
    /// throws.
    public func addSheet(_ name: String, columns: [SheetColumn], rows: (inout WorksheetWriter) throws -> Void) throws {
        sheets.append(name)
        let spool = staged.scratchURL("sheet\(sheets.count)")
        defer { try? FileManager.default.removeItem(at: spool) }
        let output = try BufferedOutput(url: spool, path: staged.path)
        var sheet = try WorksheetWriter(columns: columns, output: output, sharedStrings: sharedStrings)
        try rows(&sheet)
        try sheet.finish()
        try output.close()
        let reader: FileHandle
        do {
            reader = try FileHandle(forReadingFrom: spool)
        } catch {
            throw ExportError(path: staged.path, reason: error.localizedDescription)
        }
        defer { try? reader.close() }
        try addEntry("xl/worksheets/sheet\(sheets.count).xml", size: output.count) { _, size in
            try reader.read(upToCount: size) ?? Data()
        }
    }

    /// Writes the workbook parts that list the sheets and moves the file into place.
    public func finish() throws(ExportError) {
        let indexes = sheets.indices.map { $0 + 1 }
        let sheetOverrides = indexes.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        try add("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            \(sheetOverrides.joined())</Types>
            """)
        try add("_rels/.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/></Relationships>
            """)
        let sheetElements = zip(indexes, sheets).map { index, name in
            var escaped: [UInt8] = []
            SpreadsheetText.append(name, to: &escaped)
            return "<sheet name=\"\(String(decoding: escaped, as: UTF8.self))\" sheetId=\"\(index)\" r:id=\"rId\(index)\"/>"
        }
        try add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <bookViews><workbookView/></bookViews><sheets>\(sheetElements.joined())</sheets></workbook>
            """)
        let relationships = indexes.map {
            "<Relationship Id=\"rId\($0)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\($0).xml\"/>"
        }
        try add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(relationships.joined())<Relationship Id="rId\(sheets.count + 1)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/><Relationship Id="rId\(sheets.count + 2)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
            Target="sharedStrings.xml"/></Relationships>
            """)
        try add("xl/styles.xml", CellStyle.stylesheet)
        try add("xl/sharedStrings.xml", Data(sharedStrings.xml))
        try staged.commit()
        finished = true
    }

    /// Adds a small part: `xml` after the XML declaration (or as it is, if it has one).
    private func add(_ path: String, _ xml: String) throws(ExportError) {
        let text = xml.hasPrefix("<?xml") ? xml : "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml
        try add(path, Data(text.utf8))
    }

    /// Adds a part held in memory.
    private func add(_ path: String, _ data: Data) throws(ExportError) {
        try addEntry(path, size: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Adds a deflated entry of `size` bytes that `provider` hands over in chunks.
    private func addEntry(_ path: String, size: Int64, provider: (Int64, Int) throws -> Data) throws(ExportError) {
        do {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: size, modificationDate: Self.entryDate,
                compressionMethod: .deflate, bufferSize: 1 << 20, provider: provider)
        } catch {
            throw ExportError(path: staged.path, reason: "cannot add \(path) to the zip file (\(error))")
        }
    }
}
