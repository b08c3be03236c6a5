import Foundation

/// The hand-over of full ``RowBatch``es from the engine's thread to the writer's: first in,
/// first out, holding at most ``capacity`` batches (the engine waits when SQLite falls
/// behind, so memory stays bounded).
final class RowBatchQueue: @unchecked Sendable {
    /// The most batches waiting at a time.
    let capacity: Int
    /// Guards everything below and signals every change of it.
    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    /// No batch will be added any more.
    private var closed = false
    /// The writer has taken the last batch and written it.
    private var drained = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full.
    func put(_ batch: RowBatch) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the oldest batch, waiting for one; nil once the queue is closed and empty.
    func take() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// Says that no batch will be added any more.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the writer after its last batch.
    func markDrained() {
        condition.lock()
        drained = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the writer has called ``markDrained()``.
    func waitUntilDrained() {
        condition.lock()
        while !drained { condition.wait() }
        condition.unlock()
    }
}
