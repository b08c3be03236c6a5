import DequeModule
import RouteSim

/// What a workspace's engine has told, as ``TwinEventLog`` keeps it: the Events log and
/// every task and reservation as its events left them, renumbered in the workspace.
///
/// A value, so that recording an event (``record(_:)``) is one access to the log's storage
/// rather than one checked access per field a class would make.
struct TwinHistory {
    /// The kept events, oldest first, numbered in the workspace: their `index`, `task` and
    /// `reservation` are the workspace's numbers, not the run's.
    private(set) var events = Deque<EventRecord>()
    /// Every task, by number.
    var tasks: [TwinTask] = []
    /// Every reservation, by number.
    var reservations: [TwinReservation] = []
    /// Worker activity changes the engine made since they were last taken, in order.
    var activityChanges: [(worker: Int, activity: Int, time: Double)] = []
    /// What the kept events the twin made for changes through the API name, by event number.
    private var subjects: [Int: TwinEventSubject] = [:]
    /// The number of the current run's task 0, reservation 0 and event 0 (events the twin
    /// made during the run move the latter on).
    var taskBase = 0
    var reservationBase = 0
    var eventBase = 0
    /// What a task created by the scenario's arrivals carries: its stream's attributes.
    let streamAttributes: [String]
    /// The tasks assigned to each worker on each channel (reservations accepted or
    /// wrapping), by worker and channel; looked up, never iterated. A rebuild finds none:
    /// it happens only while no task is in flight.
    private var assigned: [TwinWorkerChannelKey: Int] = [:]

    init(streamAttributes: [String]) {
        self.streamAttributes = streamAttributes
    }

    /// Keeps `event` (the oldest dropped beyond ``TwinEventLog/eventLimit``), moves its
    /// task and reservation on, and returns it as kept: numbered in the workspace. O(1) amortized.
    mutating func record(_ event: EventRecord) -> EventRecord {
        var event = event
        event.index += eventBase
        event.task = event.task.map { taskBase + $0 }
        event.reservation = event.reservation.map { reservationBase + $0 }
        return keep(event)
    }

    /// Keeps `event`, which the twin made for a change through the API, not the engine: its
    /// `index` is the current run's next event ordinal, which it takes (the run's events after
    /// it are numbered one further), its task is numbered in the workspace already, and it
    /// names `subject` when it is about a resource rather than a task. Returns it as kept.
    mutating func record(made event: EventRecord, naming subject: TwinEventSubject?) -> EventRecord {
        var event = event
        event.index += eventBase
        eventBase += 1
        if let subject { subjects[event.index] = subject }
        return keep(event)
    }

    /// What the made event numbered `index` names; nil for an engine's event.
    func subject(ofEvent index: Int) -> TwinEventSubject? {
        subjects.isEmpty ? nil : subjects[index]
    }

    /// Keeps `event`, numbered in the workspace, and moves its task and reservation on.
    @inline(__always)
    private mutating func keep(_ event: EventRecord) -> EventRecord {
        events.append(event)
        if events.count > TwinEventLog.eventLimit {
            let dropped = events.removeFirst()
            if !subjects.isEmpty { subjects[dropped.index] = nil }
        }
        if let number = event.task { updateTask(number, from: event) }
        if let number = event.reservation { updateReservation(number, from: event) }
        if event.type == .workerActivityUpdate, let worker = event.worker, let activity = event.activity {
            activityChanges.append((worker, activity, event.time))
        }
        return event
    }

    /// The tasks assigned to worker `worker` on channel `channel` now. O(1).
    func assignedTasks(worker: Int, channel: Int) -> Int {
        assigned[TwinWorkerChannelKey(worker: worker, channel: channel)] ?? 0
    }

    /// Moves every index the log keeps (an event's queue, workflow, channel, activities and
    /// worker; a task's queue, workflow and channel; a reservation's worker; the activity
    /// changes not taken yet) from one build's numbering to the next's: a deleted resource's
    /// becomes nil, and so does an event's filter with its workflow. Once per rebuild;
    /// O(kept events + tasks + reservations).
    mutating func renumber(_ renumbering: TwinRenumbering) {
        func moved(_ index: Int?, _ map: [Int?]) -> Int? { TwinRenumbering.moved(index, by: map) }
        for i in events.indices {
            events[i].queue = moved(events[i].queue, renumbering.queues)
            events[i].workflow = moved(events[i].workflow, renumbering.workflows)
            if events[i].workflow == nil { events[i].filter = nil }
            events[i].channel = moved(events[i].channel, renumbering.channels)
            events[i].activity = moved(events[i].activity, renumbering.activities)
            events[i].previousActivity = moved(events[i].previousActivity, renumbering.activities)
            events[i].worker = moved(events[i].worker, renumbering.workers)
        }
        for i in tasks.indices {
            tasks[i].queue = moved(tasks[i].queue, renumbering.queues)
            tasks[i].workflow = moved(tasks[i].workflow, renumbering.workflows)
            tasks[i].channel = moved(tasks[i].channel, renumbering.channels)
        }
        for i in reservations.indices {
            reservations[i].worker = moved(reservations[i].worker, renumbering.workers)
        }
        // No task is in flight at a rebuild, so no reservation holds an assignment.
        assigned.removeAll()
        activityChanges = activityChanges.compactMap { change in
            guard let worker = moved(change.worker, renumbering.workers),
                  let activity = moved(change.activity, renumbering.activities)
            else { return nil }
            return (worker, activity, change.time)
        }
    }

    /// Task `number` after `event`: created by its first event, then its status, queue,
    /// priority and reason as the event gives them.
    private mutating func updateTask(_ number: Int, from event: EventRecord) {
        if number == tasks.count {
            let stream = event.stream ?? 0
            tasks.append(TwinTask(
                number: number, attributes: stream < streamAttributes.count ? streamAttributes[stream] : "{}",
                status: .pending, priority: event.taskPriority ?? 0, queue: nil, workflow: event.workflow,
                channel: event.channel, created: event.time - (event.taskAge ?? 0), updated: event.time,
                queueEntered: nil, timeout: 0, reason: nil))
        }
        if let status = event.taskStatus { tasks[number].status = status }
        if let priority = event.taskPriority { tasks[number].priority = priority }
        switch event.type {
        case .taskQueueEntered:
            tasks[number].queue = event.queue
            tasks[number].queueEntered = event.time
        case .reservationCreated:
            tasks[number].pendingReservations += 1
        case .reservationAccepted:
            tasks[number].pendingReservations = 0
        case .reservationRejected, .reservationTimeout, .reservationCanceled, .reservationRescinded:
            tasks[number].pendingReservations -= 1
            if tasks[number].pendingReservations == 0, tasks[number].status == .reserved { tasks[number].status = .pending }
        case .taskCompleted, .taskCanceled:
            tasks[number].reason = event.reason?.text
        default:
            break
        }
        tasks[number].updated = event.time
    }

    /// Reservation `number` after `event`.
    private mutating func updateReservation(_ number: Int, from event: EventRecord) {
        if number == reservations.count {
            reservations.append(TwinReservation(
                number: number, task: event.task ?? 0, worker: event.worker, status: .pending,
                created: event.time, updated: event.time))
        }
        let status: ReservationStatus? = switch event.type {
        case .reservationAccepted: .accepted
        case .reservationRejected: .rejected
        case .reservationTimeout: .timeout
        case .reservationCanceled: .canceled
        case .reservationRescinded: .rescinded
        case .reservationWrapup: .wrapping
        case .reservationCompleted: .completed
        default: nil
        }
        if let status {
            countAssignment(of: reservations[number], becoming: status)
            reservations[number].status = status
        }
        reservations[number].updated = event.time
    }

    /// Counts `reservation`'s task for its worker's channel while the reservation is
    /// accepted or wrapping.
    private mutating func countAssignment(of reservation: TwinReservation, becoming status: ReservationStatus) {
        let holds: (ReservationStatus) -> Bool = { $0 == .accepted || $0 == .wrapping }
        guard holds(reservation.status) != holds(status), let worker = reservation.worker,
              let channel = tasks.indices.contains(reservation.task) ? tasks[reservation.task].channel : nil
        else { return }
        assigned[TwinWorkerChannelKey(worker: worker, channel: channel), default: 0] += holds(status) ? 1 : -1
    }
}
