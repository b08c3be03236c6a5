/// What ``TaskRouterStatistics`` knows of one task in flight, rebuilt from its events and
/// kept in the engine's slot of the task (so it is reused once the task has ended).
struct StatisticsTask {
    /// The task's creation number (its SID derives from it); -1 when the slot holds no
    /// task in flight.
    var ordinal = -1
    /// When the task was created (s).
    var createdAt: Double = 0
    /// Its current queue (from `task-queue.entered`); -1 before the first.
    var queue: Int32 = -1
    /// When it entered its current queue (s).
    var queueEnteredAt: Double = 0
    /// Its workflow.
    var workflow: Int32 = 0
    /// Its priority as of its latest event.
    var priority = 0
    /// `pending`, `reserved`, `assigned` or `wrapping`.
    var status: TaskStatus = .pending
    /// Reservations created and not yet ended (accepted, rejected, timed out, canceled,
    /// rescinded).
    var liveReservations: Int32 = 0
}
