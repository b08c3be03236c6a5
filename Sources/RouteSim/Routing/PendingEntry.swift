/// A task waiting in a queue, keyed so that the smallest entry is the one TaskRouter
/// offers first (docs/taskrouter-fidelity.md, Matching).
///
/// FIFO queues: higher priority first, then older; LIFO queues: newer first, priority
/// ignored. The queue kind that the workspace's `prioritize_queue_order` names comes
/// before the other kind when one worker's queues are compared. Ties go to the lower task
/// ordinal (FIFO) or the higher (LIFO). An entry is valid only while its stamp equals
/// the task's pending stamp.
struct PendingEntry: Comparable {
    /// 0 for the preferred queue kind, 1 for the other.
    var kindRank: UInt8
    /// -priority for FIFO queues, 0 for LIFO.
    var priorityRank: Int
    /// Creation time for FIFO, its negation for LIFO.
    var ageRank: Double
    /// Task ordinal for FIFO, its negation for LIFO.
    var sequence: Int
    var slot: Int32
    var stamp: UInt32

    static func < (a: PendingEntry, b: PendingEntry) -> Bool {
        if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
        if a.priorityRank != b.priorityRank { return a.priorityRank < b.priorityRank }
        if a.ageRank != b.ageRank { return a.ageRank < b.ageRank }
        return a.sequence < b.sequence
    }

    static func == (a: PendingEntry, b: PendingEntry) -> Bool {
        a.kindRank == b.kindRank && a.priorityRank == b.priorityRank && a.ageRank == b.ageRank
            && a.sequence == b.sequence
    }
}
