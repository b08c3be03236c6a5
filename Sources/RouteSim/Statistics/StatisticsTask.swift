/// What ``TaskRouterStatistics`` knows of one task in flight, rebuilt from its events and
/// kept in the engine's slot of the task (so it is reused once the task has ended).
package struct StatisticsTask {
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

    /// Enters `queue` at `time`, where the task has `priority`.
    mutating func enter(_ queue: Int32, at time: Double, priority: Int) {
        self.queue = queue
        queueEnteredAt = time
        self.priority = priority
    }

    /// A reservation of the task is created.
    mutating func reserve() {
        status = .reserved
        liveReservations += 1
    }

    /// A reservation of the task is accepted at `time`; returns the task's time in its
    /// queue (s).
    mutating func accept(at time: Double) -> Double {
        status = .assigned
        liveReservations -= 1
        return time - queueEnteredAt
    }

    /// A reservation of the task `ordinal` ends without acceptance: the task is pending
    /// again when it was reserved and that was its last live reservation. Nothing when the
    /// slot no longer holds that task (reservations canceled because it was).
    mutating func endReservation(ofTask ordinal: Int) {
        guard self.ordinal == ordinal else { return }
        liveReservations -= 1
        if liveReservations == 0, status == .reserved { status = .pending }
    }
}

extension StatisticsTask {
    /// A task in flight as a live workspace's log describes it (not rebuilt from events).
    package static func inFlight(
        ordinal: Int, createdAt: Double, queue: Int32, queueEnteredAt: Double, workflow: Int32, priority: Int,
        status: TaskStatus
    ) -> StatisticsTask {
        var task = StatisticsTask(ordinal: ordinal, createdAt: createdAt, workflow: workflow, priority: priority)
        task.enter(queue, at: queueEnteredAt, priority: priority)
        task.status = status
        return task
    }
}
