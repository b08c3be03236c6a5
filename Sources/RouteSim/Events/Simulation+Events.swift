import RouteSimKernel

/// TaskRouter events: fed to the statistics for the types they read, and built as
/// ``EventRecord``s only for the types sent to the sink (through `events_filter`), from
/// the state of the task, reservation and worker at that instant.
extension Simulation {
    /// Emits a task-level event (task, queue and workflow events) for task slot `slot`.
    /// `queue` overrides the task's current queue (the queue left, for `moved`/`timeout`).
    ///
    /// Always inlined, as are the statistics' reading of it: every caller passes a
    /// constant type, so a call site keeps only that type's statistics work and a test of
    /// ``recordMask``; building the record stays out of line in ``sendTask(_:_:queue:reason:)``.
    @inline(__always)
    mutating func emitTask(_ type: TaskRouterEventType, _ slot: Int, queue: Int32? = nil, reason: TaskReason? = nil) {
        if TaskRouterStatistics.reads(type) {
            statistics.record(
                StatisticsEvent(
                    type: type, time: now, task: tasks[slot].ordinal, taskAge: now - tasks[slot].createdAt,
                    taskPriority: tasks[slot].priority, queue: queue ?? tasks[slot].queue,
                    workflow: tasks[slot].workflow),
                slot: slot)
        }
        if recordMask & Self.bit(type) != 0 { sendTask(type, slot, queue: queue, reason: reason) }
    }

    /// Sends the record of a task-level event (``emitTask(_:_:queue:reason:)``).
    @inline(never)
    private mutating func sendTask(_ type: TaskRouterEventType, _ slot: Int, queue: Int32?, reason: TaskReason?) {
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        Self.describe(tasks, slot, at: now, in: &event)
        if let queue { event.queue = Int(queue) }
        event.reason = reason
        send(event)
    }

    /// Emits a reservation event for reservation slot `r` (its task must still be in flight).
    /// Inlined as ``emitTask(_:_:queue:reason:)`` is.
    @inline(__always)
    mutating func emitReservation(_ type: TaskRouterEventType, _ r: Int) {
        if TaskRouterStatistics.reads(type) {
            let slot = Int(reservations[r].task)
            statistics.record(
                StatisticsEvent(
                    type: type, time: now, task: tasks[slot].ordinal, taskAge: now - tasks[slot].createdAt,
                    taskPriority: tasks[slot].priority, queue: reservations[r].queue,
                    workflow: tasks[slot].workflow, worker: reservations[r].worker, isReservation: true),
                slot: slot)
        }
        if recordMask & Self.bit(type) != 0 { sendReservation(type, r) }
    }

    /// Sends the record of a reservation event (``emitReservation(_:_:)``).
    @inline(never)
    private mutating func sendReservation(_ type: TaskRouterEventType, _ r: Int) {
        var event = EventRecord(type: type, time: now, index: eventsEmitted)
        Self.describe(tasks, Int(reservations[r].task), at: now, in: &event)
        event.queue = Int(reservations[r].queue)
        event.reservation = reservations[r].ordinal
        event.worker = Int(reservations[r].worker)
        event.activity = Int(workers[Int(reservations[r].worker)].activity)
        send(event)
    }

    /// Emits `worker.activity.update` for worker `w`, which left `previous` after
    /// `seconds` in it.
    mutating func emitActivityUpdate(_ w: Int, previous: Int32, seconds: Double) {
        statistics.record(
            StatisticsEvent(type: .workerActivityUpdate, time: now, worker: Int32(w), activity: workers[w].activity),
            slot: -1)
        guard recordMask & Self.bit(.workerActivityUpdate) != 0 else { return }
        var event = EventRecord(type: .workerActivityUpdate, time: now, index: eventsEmitted)
        event.worker = w
        event.activity = Int(workers[w].activity)
        event.previousActivity = Int(previous)
        event.timeInPreviousActivity = seconds
        send(event)
    }

    /// Fills `event`'s task fields from task slot `slot` of `tasks` as of `now`. Static
    /// and field by field, so that neither the engine nor the task is copied.
    private static func describe(_ tasks: SlotArray<TaskState>, _ slot: Int, at now: Double, in event: inout EventRecord) {
        event.task = tasks[slot].ordinal
        event.stream = Int(tasks[slot].stream)
        event.profile = Int(tasks[slot].profile)
        event.taskPriority = tasks[slot].priority
        event.channel = Int(tasks[slot].channel)
        event.taskAge = now - tasks[slot].createdAt
        event.taskStatus = tasks[slot].status
        event.queue = tasks[slot].queue >= 0 ? Int(tasks[slot].queue) : nil
        event.workflow = Int(tasks[slot].workflow)
        event.filter = tasks[slot].target >= 0 ? Int(tasks[slot].filter) : nil
        if tasks[slot].worker >= 0 { event.worker = Int(tasks[slot].worker) }
    }

    /// Sends a recorded event to the sink; it uses up the next event index.
    private mutating func send(_ event: EventRecord) {
        eventsEmitted += 1
        sink?.record(event)
    }

    /// The bit of `type` in ``recordMask``.
    @inline(__always)
    static func bit(_ type: TaskRouterEventType) -> UInt64 {
        1 << UInt64(type.rawValue)
    }

    /// The set of types to record, as a mask of ``bit(_:)``: the workspace's
    /// `events_filter` (all types when it has none) when events are recorded, none otherwise.
    static func recordMask(recording: Bool, filter: [String]?) -> UInt64 {
        guard recording else { return 0 }
        return TaskRouterEventType.allCases.reduce(0) { mask, type in
            filter.map { $0.contains(type.name) } ?? true ? mask | bit(type) : mask
        }
    }
}
