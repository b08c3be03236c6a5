/// What the engine reads of a task queue for every task it routes, unpacked from
/// ``TaskQueue`` once per run so that the hot paths read small fields, not the queue's
/// strings and expressions.
struct QueuePolicy {
    /// The queue's `task_order`.
    let order: QueueOrder
    /// 0 when ``order`` is the kind the workspace's `prioritize_queue_order` names, else 1
    /// (``PendingEntry/kindRank``).
    let kindRank: UInt8
    /// `max_reserved_workers`.
    let maxReservedWorkers: Int
    /// The activity a single-tasking worker moves to when reserved; -1 for none.
    let reservationActivity: Int32
    /// The activity a single-tasking worker moves to when it accepts; -1 for none.
    let assignmentActivity: Int32

    /// The policy of `queue` in a workspace whose `prioritize_queue_order` is `preferred`.
    init(_ queue: TaskQueue, preferred: QueueOrder) {
        order = queue.taskOrder
        kindRank = queue.taskOrder == preferred ? 0 : 1
        maxReservedWorkers = queue.maxReservedWorkers
        reservationActivity = queue.reservationActivity.map(Int32.init) ?? -1
        assignmentActivity = queue.assignmentActivity.map(Int32.init) ?? -1
    }
}
