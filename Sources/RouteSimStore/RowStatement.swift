import GRDB
import GRDBSQLite

/// A prepared INSERT whose parameters are bound through SQLite's C API: the hot path for
/// the per-task, per-reservation and per-span rows, where GRDB's `execute(arguments:)` does
/// per-row work these rows do not need (an argument array built and checked, GRDB's own
/// bookkeeping) (docs/performance.md, "Figures the code's comments cite").
///
/// Parameters are numbered from 1, as in SQLite. A `String` is bound with
/// `SQLITE_TRANSIENT` (SQLite copies it); bytes are bound with `SQLITE_STATIC` (not copied:
/// they must stay unchanged until the next insert has run). A value bound to a parameter
/// stays bound until it is bound again (SQLite's reset keeps it), so every insert binds
/// every parameter, but a bind of what the parameter already holds is skipped: the same
/// integer, real or NULL, or the same *stable* bytes (``bind(_:stable:)``: texts that never
/// change while the statement lives, as ``StaticTexts``). Categorical columns (stream, queue,
/// status, …) repeat from row to row, and a skipped bind costs a comparison instead of a
/// call into SQLite. Valid only while the GRDB `Database` it was prepared on is in use
/// (inside one `write`); its inserts may run on the row writer's thread, off GRDB's queue,
/// only as ``RowPipeline`` states.
struct RowStatement {
    /// GRDB's statement; keeping it keeps the SQLite statement alive, and GRDB finalizes it.
    private let statement: Statement
    /// The raw `sqlite3_stmt`.
    private let handle: SQLiteStatement
    /// The raw connection, for error messages.
    private let connection: SQLiteConnection?
    /// The SQL, for error messages (read here once: GRDB's accessors check the thread, and
    /// ``RowPipeline`` inserts from a thread of its own).
    private let sql: String
    /// What each parameter holds, by parameter number.
    private let bound: BoundValues

    /// `SQLITE_TRANSIENT`, which the C macro defines as `(sqlite3_destructor_type)-1`.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// `SQLITE_STATIC`, which the C macro defines as `(sqlite3_destructor_type)0`.
    private static let `static`: sqlite3_destructor_type? = nil

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        self.sql = sql
        bound = BoundValues(count: Int(sqlite3_bind_parameter_count(handle)) + 1)
    }

    /// Prepares an insert of `rows` rows at once into `table`, which names the table and its
    /// columns as in `INSERT INTO tasks (run_id, …)`, the first column being `run_id`: its
    /// value `runId` is written into the SQL, the other `columns` columns are parameters,
    /// those of row `r` numbered `r * columns + 1` through `(r + 1) * columns`.
    ///
    /// The insert is `INSERT OR FAIL`: a row that breaks a constraint stops it with the rows
    /// before it kept, where the default (`ABORT`) would take them back. To take them back,
    /// SQLite copies every page the insert changes that existed before it into a statement
    /// journal, a temporary file once it outgrows memory, written to all through a large run
    /// (docs/performance.md, "Fourth round"). The rows a failed insert kept go when the run's
    /// transaction is rolled back, as it is after any failed insert.
    init(_ db: Database, insertInto table: String, runId: Int64, columns: Int, rows: Int) throws {
        let row = "(\(runId), " + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        try self.init(
            db, sql: "INSERT OR FAIL INTO \(table)\nVALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
    }

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int) {
        guard bound.change(index, to: BoundValue(kind: .integer, bits: UInt64(bitPattern: Int64(value)))) else { return }
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Binds a boolean as 0 or 1.
    func bind(_ index: Int32, _ value: Bool) {
        bind(index, value ? 1 : 0)
    }

    /// Binds a real.
    func bind(_ index: Int32, _ value: Double) {
        guard bound.change(index, to: BoundValue(kind: .real, bits: value.bitPattern)) else { return }
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds a real, or NULL.
    func bind(_ index: Int32, _ value: Double?) {
        if let value {
            bind(index, value)
        } else {
            bindNull(index)
        }
    }

    /// Binds NULL.
    private func bindNull(_ index: Int32) {
        guard bound.change(index, to: BoundValue(kind: .null)) else { return }
        sqlite3_bind_null(handle, index)
    }

    /// Binds a text (UTF-8, copied by SQLite), with its length, so SQLite does not count it.
    func bind(_ index: Int32, _ value: String) {
        bound.forget(index)
        let length = Int32(value.utf8.count)
        _ = value.withCString { sqlite3_bind_text(handle, index, $0, length, Self.transient) }
    }

    /// Binds UTF-8 bytes as text, without a copy; they may change before the next bind (a
    /// buffer rewritten for each row), so the bind is never skipped.
    func bind(_ index: Int32, _ text: UnsafeBufferPointer<UInt8>) {
        bound.forget(index)
        bindStatic(index, text)
    }

    /// Binds UTF-8 bytes as text without a copy: bytes that do not change as long as this
    /// statement lives, so binding the same bytes again is skipped.
    func bind(_ index: Int32, stable text: UnsafeBufferPointer<UInt8>) {
        let address = UInt64(UInt(bitPattern: text.baseAddress))
        guard bound.change(index, to: BoundValue(kind: .text, bits: address, count: text.count)) else { return }
        bindStatic(index, text)
    }

    /// Binds stable UTF-8 bytes as text without a copy (as ``bind(_:stable:)``), or NULL.
    func bind(_ index: Int32, stable text: UnsafeBufferPointer<UInt8>?) {
        if let text {
            bind(index, stable: text)
        } else {
            bindNull(index)
        }
    }

    /// Binds bytes with `SQLITE_STATIC`.
    private func bindStatic(_ index: Int32, _ text: UnsafeBufferPointer<UInt8>) {
        text.withMemoryRebound(to: CChar.self) {
            _ = sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.static)
        }
    }

    /// Inserts one row with the values bound, and makes the statement ready for the next.
    func insert() throws(DatabaseError) {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        sqlite3_reset(handle)
    }
}

/// What a parameter of a ``RowStatement`` holds: nothing known, NULL, an integer or a real
/// (its bits), or stable bytes (their address and length).
struct BoundValue: Equatable {
    enum Kind: UInt8 {
        case unknown, null, integer, real, text
    }

    var kind: Kind
    var bits: UInt64 = 0
    var count: Int = 0
}

/// The ``BoundValue`` of each parameter of one statement, by parameter number; all unknown
/// at first. Used by one thread at a time, as its statement.
final class BoundValues: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<BoundValue>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: BoundValue(kind: .unknown))
    }

    deinit {
        values.deallocate()
    }

    /// Records that parameter `index` holds `value`; false if it held it already.
    @inline(__always)
    func change(_ index: Int32, to value: BoundValue) -> Bool {
        let slot = Int(index)
        if values[slot] == value { return false }
        values[slot] = value
        return true
    }

    /// Records that parameter `index` holds something not worth comparing.
    @inline(__always)
    func forget(_ index: Int32) {
        values[Int(index)] = BoundValue(kind: .unknown)
    }
}
