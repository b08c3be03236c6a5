import GRDB

/// One table of an export, a sheet of the workbook or a file of the CSV folder: its name,
/// its column headers and where its rows come from.
///
/// Tables stored in the file are read with every column as stored, in table order; with
/// ``clockColumns`` a time column `t` (seconds) is followed by `t_clock`, the run's `start`
/// plus `t` as a spreadsheet date-time (empty for runs without a start).
struct ExportTable {
    /// Where the rows come from.
    enum Source {
        /// An SQL query whose columns are ``ExportTable/columns``.
        case query(String)
        /// Rows made in memory.
        case rows([[CellValue]])
    }

    /// The sheet or file name.
    var name: String
    var columns: [String]
    /// The columns holding date-times, shown with the date-time format.
    var clockColumns: Set<String> = []
    var source: Source

    /// The days from the spreadsheet epoch (1899-12-30) to the Julian day count's epoch,
    /// negated: serial = julianday - 2,415,018.5.
    private static let julianDayOfSerialZero = 2_415_018.5

    /// Table `table` of `db` as it is stored, sheet `name`, rows in `order`; each column of
    /// `times` gets a clock column after it when `withClock`.
    static func stored(
        _ table: String, as name: String, order: String, times: [String] = [], withClock: Bool, _ db: Database
    ) throws -> ExportTable {
        var columns: [String] = []
        var selected: [String] = []
        var clockColumns: Set<String> = []
        for column in try db.columns(in: table).map(\.name) {
            columns.append(column)
            selected.append("t.\(column)")
            if withClock, times.contains(column) {
                columns.append(column + "_clock")
                clockColumns.insert(column + "_clock")
                selected.append("julianday(r.start) - \(julianDayOfSerialZero) + t.\(column) / 86400.0")
            }
        }
        let join = clockColumns.isEmpty ? "" : " JOIN runs r ON r.run_id = t.run_id"
        let sql = "SELECT \(selected.joined(separator: ", ")) FROM \(table) t\(join) ORDER BY \(order)"
        return ExportTable(name: name, columns: columns, clockColumns: clockColumns, source: .query(sql))
    }

    /// The `summary` table: per group of replications (``RunGroupSummary``), one row per KPI
    /// of the whole run and of each queue, with mean, confidence interval and replications;
    /// the interval's ends are empty for a single replication. Each row ends with the group's
    /// configuration hash (empty for runs stored without one) and the runs left out as
    /// repeats, separated by spaces.
    static func summary(_ groups: [RunGroupSummary]) -> ExportTable {
        var rows: [[CellValue]] = []
        for group in groups {
            let key: [CellValue] = [
                group.experimentID.map { .integer($0) } ?? .empty, group.command.map { .text($0) } ?? .empty,
                .text(group.scenario), group.variant.map { .text($0) } ?? .empty, group.point.map { .text($0) } ?? .empty,
            ]
            let repeated = group.repeatedRuns.map { String($0.runID) }.joined(separator: " ")
            let identity: [CellValue] = [
                group.configuration.map { .text($0) } ?? .empty, repeated.isEmpty ? .empty : .text(repeated),
            ]
            let scopes = [(CellValue.empty, group.kpis)] + group.queues.map { (CellValue.text($0.queue), $0.kpis) }
            for (queue, kpis) in scopes {
                for kpi in kpis {
                    let estimate = kpi.estimate
                    let interval: [CellValue] = estimate.halfWidth.isFinite
                        ? [.number(estimate.low), .number(estimate.high)] : [.empty, .empty]
                    rows.append(key + [queue, .text(kpi.name), .number(estimate.mean)] + interval
                        + [.integer(Int64(estimate.count))] + identity)
                }
            }
        }
        return ExportTable(
            name: "summary",
            columns: ["experiment_id", "command", "scenario", "variant", "point", "queue", "kpi", "mean", "ci_low",
                      "ci_high", "replications", "configuration", "repeated_runs"],
            source: .rows(rows))
    }

    /// Calls `body` with each row as cells, at most `limit`; returns how many rows were left
    /// out past the limit.
    func forEachRow(_ db: Database, limit: Int = .max, _ body: ([CellValue]) throws -> Void) throws -> Int {
        try scan(db, limit: limit, countingTheRest: true, body)
    }

    /// The first `count` rows (or fewer), e.g. to size columns before writing.
    func firstRows(_ db: Database, count: Int) throws -> [[CellValue]] {
        var rows: [[CellValue]] = []
        _ = try scan(db, limit: count, countingTheRest: false) { rows.append($0) }
        return rows
    }

    /// Hands at most `limit` rows to `body`; counts the rows after them if asked (else 0).
    private func scan(
        _ db: Database, limit: Int, countingTheRest: Bool, _ body: ([CellValue]) throws -> Void
    ) throws -> Int {
        switch source {
        case .rows(let rows):
            for row in rows.prefix(limit) { try body(row) }
            return countingTheRest ? max(0, rows.count - limit) : 0
        case .query(let sql):
            let cursor = try Row.fetchCursor(db, sql: sql)
            let isClock = columns.map { clockColumns.contains($0) }
            var written = 0
            while written < limit, let row = try cursor.next() {
                try body(isClock.indices.map { Self.cell(row[$0], clock: isClock[$0]) })
                written += 1
            }
            var rest = 0
            while countingTheRest, try cursor.next() != nil { rest += 1 }
            return rest
        }
    }

    /// The cell of a stored value; a number is a date-time in a clock column. No routesim
    /// table stores blobs; one would be an empty cell.
    private static func cell(_ value: DatabaseValue, clock: Bool) -> CellValue {
        switch value.storage {
        case .null: .empty
        case .int64(let number): .integer(number)
        case .double(let number): clock ? .dateTime(number) : .number(number)
        case .string(let text): .text(text)
        case .blob: .empty
        }
    }
}
