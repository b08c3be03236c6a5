/// TaskRouter events: built only for the types someone listens to (the sink, through
/// `events_filter`, or the statistics), from the state of the task, reservation and
/// worker at that instant.
extension Simulation {
    /// Emits a task-level event (task, queue and workflow events) for task slot `slot`.
    /// `queue` overrides the task's current queue (the queue left, for `moved`/`timeout`).
    mutating func emitTask(_ type: TaskRouterEventType, _ slot: Int, queue: Int32? = nil, reason: String? = nil) {
        guard eventMask[type.rawValue] else { return }
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        Self.describe(tasks, slot, at: now, in: &event)
        if let queue { event.queue = Int(queue) }
        if let reason { event.reason = reason }  // (assigning nil costs a destroy of the old value)
        publish(event, slot: slot)
    }

    /// Emits a reservation event for reservation slot `r` (its task must still be in flight).
    mutating func emitReservation(_ type: TaskRouterEventType, _ r: Int) {
        guard eventMask[type.rawValue] else { return }
        let reservation = reservations[r]
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        Self.describe(tasks, Int(reservation.task), at: now, in: &event)
        event.queue = Int(reservation.queue)
        event.reservation = reservation.ordinal
        event.worker = Int(reservation.worker)
        event.activity = Int(workers[Int(reservation.worker)].activity)
        publish(event, slot: Int(reservation.task))
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
        publish(event, slot: -1)
    }

    /// Fills `event`'s task fields from task slot `slot` of `tasks` as of `now`. Static
    /// and field by field, so that neither the engine nor the task is copied (events are
    /// built on the hot path: the statistics read them whether or not they are recorded).
    private static func describe(_ tasks: [TaskState], _ slot: Int, at now: Double, in event: inout EventRecord) {
        event.task = tasks[slot].ordinal
        event.stream = Int(tasks[slot].stream)
        event.profile = Int(tasks[slot].profile)
        event.taskPriority = tasks[slot].priority
        event.taskAge = now - tasks[slot].createdAt
        event.taskStatus = tasks[slot].status
        event.queue = tasks[slot].queue >= 0 ? Int(tasks[slot].queue) : nil
        event.workflow = Int(tasks[slot].workflow)
        event.filter = tasks[slot].target >= 0 ? Int(tasks[slot].filter) : nil
        if tasks[slot].worker >= 0 { event.worker = Int(tasks[slot].worker) }
    }

    /// Hands a built event to the statistics (`slot`: its task's slot, -1 for none) and,
    /// when its type is recorded, to the sink; only recorded events use up an index.
    private mutating func publish(_ event: EventRecord, slot: Int) {
        statistics.record(event, slot: slot)
        guard recordMask[event.type.rawValue] else { return }
        eventsEmitted += 1
        sink?.record(event)
    }

    /// The per-type mask of what to record: the workspace's `events_filter` (all types
    /// when it has none) when events are recorded, nothing otherwise.
    static func eventMask(recording: Bool, filter: [String]?) -> [Bool] {
        let all = TaskRouterEventType.allCases
        guard recording else { return Array(repeating: false, count: all.count) }
        guard let filter else { return Array(repeating: true, count: all.count) }
        return all.map { filter.contains($0.name) }
    }
}
