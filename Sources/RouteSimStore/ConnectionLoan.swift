import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Lends a run's SQLite connection to one thread outside GRDB's queue, and checks that no
/// other thread starts a statement on it until the loan ends.
///
/// Made on GRDB's queue by ``RowPipeline``, whose doc comment states when the loan is safe.
/// The check: SQLite reports each statement as it starts (`sqlite3_trace_v2`,
/// `SQLITE_TRACE_STMT`, a call per statement run, on the thread that runs it), and one
/// started by any thread but the borrower is counted; ``end()`` throws if there was one.
/// The loan takes the connection's trace callback, so a GRDB trace (`Database.trace`)
/// installed before is gone after it.
final class ConnectionLoan: @unchecked Sendable {
    /// The connection lent.
    private let connection: SQLiteConnection
    /// The thread that may use it until ``end()``.
    private let borrower: Thread
    /// Statements started on the connection by other threads since the loan began.
    private let strangers = Atomic<Int>(0)
    /// Whether ``end()`` has run.
    private var ended = false

    /// Lends the connection of `db` to `borrower`; call on GRDB's queue, inside the `write`
    /// that holds `db`, before `borrower` starts.
    init(_ db: Database, to borrower: Thread) {
        connection = db.sqliteConnection!
        self.borrower = borrower
        sqlite3_trace_v2(connection, UInt32(SQLITE_TRACE_STMT), { _, context, _, _ in
            let loan = Unmanaged<ConnectionLoan>.fromOpaque(context!).takeUnretainedValue()
            if Thread.current !== loan.borrower { loan.strangers.add(1, ordering: .relaxed) }
            return 0
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if !ended { sqlite3_trace_v2(connection, 0, nil, nil) }
    }

    /// Takes the connection back, on GRDB's queue once the borrower no longer uses it, and
    /// throws (`SQLITE_MISUSE`) if another thread started a statement on it meanwhile: the
    /// rows written while lent can no longer be trusted, so the run must fail.
    func end() throws(DatabaseError) {
        sqlite3_trace_v2(connection, 0, nil, nil)
        ended = true
        let count = strangers.load(ordering: .relaxed)
        guard count == 0 else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "the results file's connection was used by \(count) statement(s) of another thread while the row writer's thread held it")
        }
    }
}
