import ArgumentParser
import Foundation
import RouteSimStore

/// `routesim export RESULTS.sqlite --xlsx FILE | --csv DIR`: the results file's tables for
/// spreadsheets.
struct ExportCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a results file's tables to an Excel workbook or CSV files.",
        discussion: """
            Tables: summary (each KPI's mean and 95 % confidence interval over the replications of every \
            scenario, variant and sweep point), intervals, queues, runs and tasks. A sheet holds at most \
            1,048,576 rows; a longer tasks table is cut with a note in its last row (the CSV files have every row).
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Every table as a sheet of one workbook",
         "routesim export results/quickstart.sqlite --xlsx results/quickstart.xlsx"),
        ("Every table as a CSV file in a folder",
         "routesim export results/quickstart.sqlite --csv results/quickstart-csv"),
    ]

    @Argument(help: "A results file written by routesim.")
    var database: String

    @Option(help: "The workbook to write (.xlsx).")
    var xlsx: String?

    @Option(help: "The folder to write CSV files into (created if missing).")
    var csv: String?

    @Flag(help: "Replace the workbook or CSV files if they exist (without it, export refuses to).")
    var force = false

    /// Rows per sheet, header included; a test's way to see a table cut without a million rows.
    @Option(name: .customLong("max-rows"), help: ArgumentHelp(visibility: .private))
    var maxRows = XLSXWriter.maxRows

    func run() throws {
        if xlsx == nil && csv == nil {
            throw ExportRequestError(problem: "export \(database): give --xlsx FILE or --csv DIR (or both)")
        }
        if maxRows < 3 {
            throw ExportRequestError(problem: "--max-rows must be at least 3 (a header, a row and the note)")
        }
        if let xlsx, xlsx.lowercased().hasSuffix(".csv") {
            StandardError.say("warning: --xlsx \(xlsx) writes an Excel workbook, but the name ends in .csv (for CSV files give --csv DIR)")
        }
        if let csv, [".csv", ".xlsx"].contains(where: csv.lowercased().hasSuffix) {
            StandardError.say("warning: --csv \(csv) is the folder the CSV files go into (summary.csv, …), but the name looks like a file's")
        }
        let store = try ResultStore.forReading(database)
        guard try store.runCount() > 0 else { throw ExportRequestError(problem: "\(database): the file holds no run") }
        if let xlsx { try store.exportWorkbook(to: xlsx, maxRows: maxRows, replacing: force) }
        if let csv { try store.exportCSV(to: csv, replacing: force) }
    }
}
