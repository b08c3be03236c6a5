import Foundation
import GRDB

/// The results file as a workbook or as CSV files: the export level above ``XLSXWriter`` and
/// ``CSVWriter``.
///
/// Both write the same tables: `summary` (``ExportTable/summary(_:)``), `intervals`,
/// `queues` (`queue_summary`), `runs` and `tasks`, each in the order it was recorded (tasks
/// by run and creation). When a run has a `start`, the time columns of `intervals` and
/// `tasks` are followed by clock times. Reading errors are ``StoreError``s, writing errors
/// ``ExportError``s.
extension ResultStore {
    /// Writes the workbook `path`, one sheet per table. A table with more rows than a sheet
    /// of `maxRows` rows holds (header included; Excel's limit by default) is cut, and its
    /// last row says how many rows were left out. An existing file at `path` is replaced only
    /// when `replacing`.
    public func exportWorkbook(to path: String, maxRows: Int = XLSXWriter.maxRows, replacing: Bool = false) throws {
        let workbook = try XLSXWriter(path: path, replacing: replacing)
        let groups = try summaries()
        try exporting { db in
            for table in try Self.exportTables(groups, db) {
                let columns = Self.sheetColumns(table, sample: try table.firstRows(db, count: 100))
                try workbook.addSheet(table.name, columns: columns) { sheet in
                    let dataRows = maxRows - 2
                    let leftOut = try table.forEachRow(db, limit: dataRows) { try sheet.append($0) }
                    if leftOut > 0 {
                        try sheet.appendNote("\(leftOut) more rows left out: a sheet holds at most \(maxRows) rows. "
                            + "The CSV export and the SQLite file have all \(dataRows + leftOut).")
                    }
                }
            }
        }
        try workbook.finish()
    }

    /// Writes one CSV file per table into `folder` (created if missing), `summary.csv`,
    /// `intervals.csv`, …; older ones are replaced only when `replacing`, else nothing is
    /// written. Every file is written under a temporary name and all are renamed once all
    /// are complete.
    public func exportCSV(to folder: String, replacing: Bool = false) throws {
        if let failure = ResultsFile.createFolder(folder) {
            throw ExportError(path: folder, reason: failure)
        }
        let groups = try summaries()
        var files: [StagedFile] = []
        defer { files.forEach { $0.discard() } }
        try exporting { db in
            for table in try Self.exportTables(groups, db) {
                let file = try StagedFile(
                    path: URL(fileURLWithPath: folder).appendingPathComponent(table.name + ".csv").path, replacing: replacing)
                files.append(file)
                let output = try BufferedOutput(url: file.temporaryURL, path: file.path)
                let csv = CSVWriter(output: output)
                try csv.append(table.columns.map(CellValue.text))
                _ = try table.forEachRow(db) { try csv.append($0) }
                try output.close()
            }
        }
        for file in files { try file.commit() }
    }

    /// The tables to export, in sheet order; `groups` are the summaries (read before, as
    /// the store's reads do not nest).
    private static func exportTables(_ groups: [RunGroupSummary], _ db: Database) throws -> [ExportTable] {
        let withClock = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE start IS NOT NULL)") ?? false
        return [
            .summary(groups),
            try .stored("intervals", as: "intervals", order: "t.rowid", times: ["start", "end"], withClock: withClock, db),
            try .stored("queue_summary", as: "queues", order: "t.rowid", withClock: withClock, db),
            try .stored("runs", as: "runs", order: "t.run_id", withClock: withClock, db),
            try .stored(
                "tasks", as: "tasks", order: "t.run_id, t.task_index",
                times: ["created_at", "assigned_at", "wrapup_at", "completed_at", "canceled_at"], withClock: withClock, db),
        ]
    }

    /// Reads the file in one transaction with `body`, letting `body`'s ``ExportError``s
    /// through as they are (other failures are the file's, ``StoreError``s).
    private func exporting(_ body: (Database) throws -> Void) throws {
        var writeError: ExportError?
        do {
            try reading { db in
                do {
                    try body(db)
                } catch let error as ExportError {
                    writeError = error
                    throw error
                }
            }
        } catch {
            throw writeError ?? error
        }
    }

    /// The columns of `table`'s sheet, as wide as the header or the widest of `sample`'s
    /// values (numbers as wide as Excel shows them, date-times 19), 6 to 60 characters.
    private static func sheetColumns(_ table: ExportTable, sample: [[CellValue]]) -> [SheetColumn] {
        table.columns.enumerated().map { index, header in
            let widest = sample.map { row -> Int in
                guard index < row.count else { return 0 }
                switch row[index] {
                case .empty: return 0
                case .text(let text): return text.count
                case .integer, .number: return min(row[index].numberText?.count ?? 0, 11)
                case .dateTime: return 19
                }
            }.max() ?? 0
            return SheetColumn(header: header, width: Double(min(60, max(6, header.count, widest) + 2)))
        }
    }
}
