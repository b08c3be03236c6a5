import Foundation
import GRDB
import RouteSim

/// The ``RecordSink`` of a run that stores rows: gathers the engine's records in batches
/// and hands each full batch to a ``RowWriter`` on a thread of its own, so that the
/// simulation and SQLite run on two cores.
///
/// The writer uses the run's connection from ``init(writer:)`` until ``finish()`` returns,
/// while the thread that holds the transaction only simulates; ``finish()`` waits for the
/// last row, so the transaction (and with it all-or-nothing) is the same as without the
/// thread.
final class RowPipeline: RecordSink {
    /// Rows per batch: large enough that handing over costs nothing per row, small enough
    /// that the writer starts early.
    static let batchSize = 4_096
    /// Full batches that may wait for the writer.
    static let depth = 4

    private let queue = RowBatchQueue(capacity: RowPipeline.depth)
    private let writer: RowWriter
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

    /// Starts the writer's thread.
    ///
    /// The thread holds the writer weakly: the pipeline owns it, so its statements are
    /// finalized on the thread that holds the transaction, never beside it.
    init(writer: RowWriter) {
        self.writer = writer
        sids = writer.sids
        let queue = queue
        let thread = Thread { [weak writer] in
            while let batch = queue.take() { writer?.write(batch) }
            queue.markDrained()
        }
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

    /// Hands the rest over, waits until the writer has inserted every row, and throws the
    /// first insert that failed. Call once, whether or not the simulation succeeded.
    func finish() throws(DatabaseError) {
        tasks.flush(to: &batch.tasks)
        reservations.flush(to: &batch.reservations)
        if batch.count > 0 { handOver() }
        batch = RowBatch()
        queue.close()
        queue.waitUntilDrained()
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
