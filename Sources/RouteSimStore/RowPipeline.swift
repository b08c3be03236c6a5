import Foundation
import GRDB
import RouteSim

/// The ``RecordSink`` of a run that stores rows: gathers the engine's records in batches
/// and hands each full batch to a ``RowWriter`` on a thread of its own, so that the
/// simulation and SQLite run on two cores.
///
/// **The writer's thread uses GRDB's connection off GRDB's queue.** GRDB lets a connection
/// be used only on its queue, inside `write`; here the writer's thread steps the run's
/// prepared inserts (``RowStatement``, SQLite's C API) from ``init(writer:lending:)`` until
/// ``finish()`` has drained it, while the thread that holds GRDB's queue and the run's
/// transaction only simulates. SQLite allows a connection to move between threads used one
/// at a time. It is safe as long as:
/// - the thread that holds the transaction makes no call on the connection meanwhile: it
///   runs the engine, whose only way out is this sink, then waits in ``finish()`` until the
///   writer has inserted its last batch. Checked by ``ConnectionLoan``: a statement started
///   by any other thread fails the run;
/// - the callbacks SQLite makes while the writer steps, on the writer's thread, touch nothing
///   the other thread uses: the busy handler (``BusyWait``, thread-safe; seldom reached, as
///   ``ResultStore`` takes the write lock with the `runs` row before the loan), the loan's
///   trace, and GRDB's rollback hook should SQLite roll the transaction back itself after an
///   I/O error (it sets a field GRDB reads after ``finish()``);
/// - the connection has no GRDB transaction observer, `ValueObservation` or trace: GRDB's
///   bookkeeping does not see the writer's steps, so an observer would miss the rows, and
///   the loan replaces the trace callback. The store registers none;
/// - GRDB objects are touched only on GRDB's queue: the statements are prepared there, their
///   SQL is read there once (GRDB's accessors check the thread), and the writer's thread
///   holds the writer weakly, so the statements are finalized with the pipeline, on the
///   thread that holds the transaction, never beside it.
/// ``finish()`` waits for the last row, so the transaction (and with it all-or-nothing) is
/// the same as without the thread.
final class RowPipeline: RecordSink {
    /// Rows per batch: large enough that handing over costs nothing per row, small enough
    /// that the writer starts early.
    static let batchSize = 4_096
    /// Full batches that may wait for the writer.
    static let depth = 4

    private let queue = RowBatchQueue(capacity: RowPipeline.depth)
    private let writer: RowWriter
    /// The connection lent to the writer's thread.
    private let loan: ConnectionLoan
    /// The batch being filled. Only the engine's thread touches it, so Swift's run-time
    /// exclusivity check (a call on every record) is off.
    @exclusivity(unchecked) private var batch = RowBatch(reservingFor: RowPipeline.batchSize)
    /// Tasks and reservations on their way into ``batch``, put back into the order of their
    /// ordinals (the engine sends them as they end), so that SQLite appends to the tables'
    /// key indexes instead of searching them.
    @exclusivity(unchecked) private var tasks = KeyOrderedRows<TaskRecord>()
    @exclusivity(unchecked) private var reservations = KeyOrderedRows<ReservationRecord>()
    /// Writes the SIDs of the rows that enter ``batch``: on the engine's thread, which has
    /// time to spare in runs that store rows, rather than on the writer's, which bounds them.
    /// The writer's own generator, so that event rows name the same SIDs.
    private let sids: SidGenerator

    /// Lends the connection of `db`, on which `writer` was prepared, to a thread of its own
    /// that runs `writer`, and starts it; call on GRDB's queue, inside the `write` that holds
    /// `db`.
    ///
    /// The thread holds the writer weakly: the pipeline owns it, so its statements are
    /// finalized on the thread that holds the transaction, never beside it.
    init(writer: RowWriter, lending db: Database) {
        self.writer = writer
        sids = writer.sids
        let queue = queue
        let thread = Thread { [weak writer] in
            while let batch = queue.take() { writer?.write(batch) }
            queue.markDrained()
        }
        loan = ConnectionLoan(db, to: thread)
        thread.start()
    }

    func record(_ task: TaskRecord) {
        tasks.add(task, key: task.index, to: &batch.tasks)
        handOverIfFull()
    }

    func record(_ reservation: ReservationRecord) {
        reservations.add(reservation, key: reservation.index, to: &batch.reservations)
        handOverIfFull()
    }

    func record(_ span: ActivitySpanRecord) {
        batch.spans.append(span)
        handOverIfFull()
    }

    func record(_ event: EventRecord) {
        batch.events.append(event)
        handOverIfFull()
    }

    /// Hands the rest over, waits until the writer has inserted every row, takes the
    /// connection back, and throws the loan's misuse or the first insert that failed.
    /// Call once, whether or not the simulation succeeded.
    func finish() throws(DatabaseError) {
        tasks.flush(to: &batch.tasks)
        reservations.flush(to: &batch.reservations)
        if batch.count > 0 { handOver() }
        batch = RowBatch()
        queue.close()
        queue.waitUntilDrained()
        try loan.end()
        try writer.finish()
    }

    /// Hands the batch to the writer once it is full, and starts another.
    private func handOverIfFull() {
        guard batch.count >= Self.batchSize else { return }
        handOver()
        batch = RowBatch(reservingFor: Self.batchSize)
    }

    /// Writes the SIDs the batch's rows lack and hands it to the writer.
    private func handOver() {
        batch.completeSids(sids)
        queue.put(batch)
    }
}
