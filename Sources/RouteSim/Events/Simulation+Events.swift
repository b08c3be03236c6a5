/// TaskRouter events: built only for the types someone listens to, from the state of the
/// task, reservation and worker at that instant.
extension Simulation {
    /// Emits a task-level event (task, queue and workflow events) for task slot `slot`.
    /// `queue` overrides the task's current queue (the queue left, for `moved`/`timeout`).
    mutating func emitTask(_ type: TaskRouterEventType, _ slot: Int, queue: Int32? = nil, reason: String? = nil) {
        guard eventMask[type.rawValue] else { return }
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        describeTask(slot, in: &event)
        if let queue { event.queue = Int(queue) }
        event.reason = reason
        publish(event)
    }

    /// Emits a reservation event for reservation slot `r` (its task must still be in flight).
    mutating func emitReservation(_ type: TaskRouterEventType, _ r: Int) {
        guard eventMask[type.rawValue] else { return }
        let reservation = reservations[r]
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        describeTask(Int(reservation.task), in: &event)
        event.queue = Int(reservation.queue)
        event.reservation = reservation.ordinal
        event.worker = Int(reservation.worker)
        event.activity = Int(workers[Int(reservation.worker)].activity)
        publish(event)
    }

    /// Emits `worker.activity.update` for worker `w`, which left `previous` after
    /// `seconds` in it.
    mutating func emitActivityUpdate(_ w: Int, previous: Int32, seconds: Double) {
        guard eventMask[TaskRouterEventType.workerActivityUpdate.rawValue] else { return }
        var event = EventRecord(type: .workerActivityUpdate, time: now, index: eventsEmitted)
        event.worker = w
        event.activity = Int(workers[w].activity)
        event.previousActivity = Int(previous)
        event.timeInPreviousActivity = seconds
        publish(event)
    }

    private func describeTask(_ slot: Int, in event: inout EventRecord) {
        let task = tasks[slot]
        event.task = task.ordinal
        event.stream = Int(task.stream)
        event.taskPriority = task.priority
        event.taskAge = now - task.createdAt
        event.taskStatus = task.status
        event.queue = task.queue >= 0 ? Int(task.queue) : nil
        event.workflow = Int(task.workflow)
        event.filter = task.target >= 0 ? Int(task.filter) : nil
        if task.worker >= 0 { event.worker = Int(task.worker) }
    }

    private mutating func publish(_ event: EventRecord) {
        eventsEmitted += 1
        sink?.record(event)
    }

    /// The per-type mask of what to emit: the workspace's `events_filter` (all types when
    /// it has none) when events are recorded, nothing otherwise.
    static func eventMask(recording: Bool, filter: [String]?) -> [Bool] {
        let all = TaskRouterEventType.allCases
        guard recording else { return Array(repeating: false, count: all.count) }
        guard let filter else { return Array(repeating: true, count: all.count) }
        return all.map { filter.contains($0.name) }
    }
}
