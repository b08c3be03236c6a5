import Foundation
import GRDB
import RouteSim
@testable import RouteSimStore
import Testing

/// The contract under which the row writer's thread uses GRDB's connection off GRDB's
/// queue (``RowPipeline``): while it holds the connection, no other thread starts a
/// statement on it.
@Suite struct ConnectionLoanTests {
    /// Runs `body` with a pipeline writing run 1 into a new results file, inside the run's
    /// transaction on GRDB's queue (rolled back after), as ``ResultStore`` does.
    func withPipeline(_ body: (Database, RowPipeline) throws -> Void) throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loan.sqlite").path
        _ = try ResultStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                let writer = try RowWriter(
                    db, runId: 1, labels: RunLabels(spec: StoreFixture.spec), seed: StoreFixture.spec.seed, events: false)
                try body(db, RowPipeline(writer: writer, lending: db))
                return .rollback
            }
        }
    }

    /// The thread that holds GRDB's queue runs a statement while the writer's thread holds
    /// the connection: the run fails with SQLite's misuse code.
    @Test func aStatementOnGRDBsQueueWhileTheWriterHoldsTheConnectionFailsTheRun() throws {
        try withPipeline { db, pipeline in
            for task in StoreFixture.tasks { pipeline.record(task) }
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks")
            let error = #expect(throws: DatabaseError.self) { try pipeline.finish() }
            #expect(error?.resultCode == .SQLITE_MISUSE)
        }
    }

    /// Without a stray statement the writer's own inserts pass the check, and once
    /// ``RowPipeline/finish()`` has returned the connection is GRDB's again: its statements
    /// see the rows and are not counted against anyone.
    @Test func theWritersOwnInsertsPassAndTheConnectionIsFreeAfterFinish() throws {
        try withPipeline { db, pipeline in
            _ = StoreFixture.simulate(pipeline)
            try pipeline.finish()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks") == StoreFixture.tasks.count)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM worker_activity") == StoreFixture.spans.count)
        }
    }
}
