import DequeModule
import RouteSim

/// What a workspace's live engine has told: the Events log, and every task and reservation
/// as its events left them. The engine's ``RecordSink``.
///
/// The engine numbers tasks, reservations and events from 0 in each run; a workspace whose
/// engine is rebuilt (``TwinEngine``) goes on numbering from where the last run stopped,
/// by the bases set with ``continueNumbering(tasks:reservations:events:)``, so SIDs never
/// repeat. The Events log keeps the latest ``eventLimit`` events, dropping the oldest
/// first; tasks and reservations are kept for the whole session.
final class TwinEventLog: RecordSink {
    /// The events the log keeps at most.
    static let eventLimit = 100_000

    /// The kept events, oldest first, numbered in the workspace: their `index`, `task` and
    /// `reservation` are the workspace's numbers, not the run's.
    private(set) var events = Deque<EventRecord>()
    /// Every task, by number.
    private(set) var tasks: [TwinTask] = []
    /// Every reservation, by number.
    private(set) var reservations: [TwinReservation] = []
    /// Worker activity changes the engine made since ``takeActivityChanges()``, in order.
    private var activityChanges: [(worker: Int, activity: Int, time: Double)] = []
    /// How many reservations have their worker's SID and name (``nameReservations(_:)``).
    private var namedReservations = 0
    /// The number of the current run's task 0, reservation 0 and event 0.
    private var taskBase = 0
    private var reservationBase = 0
    private var eventBase = 0
    /// What a task created by the scenario's arrivals carries: its stream's attributes.
    let streamAttributes: [String]
    /// Makes the SIDs of tasks, reservations and events from their numbers.
    let sids: SidGenerator
    /// The number of each task and reservation by SID (looked up, never iterated).
    private(set) var taskBySid: [String: Int] = [:]
    private(set) var reservationBySid: [String: Int] = [:]
    /// The events that wait to be sent to the workspace's `EventCallbackUrl`.
    let outbox = TwinEventOutbox(limit: TwinEventCallbacks.limit)

    init(streamAttributes: [String], sids: SidGenerator) {
        self.streamAttributes = streamAttributes
        self.sids = sids
    }

    /// Numbers the next run's tasks, reservations and events after `tasks`,
    /// `reservations` and `events` of the runs before.
    func continueNumbering(tasks: Int, reservations: Int, events: Int) {
        taskBase += tasks
        reservationBase += reservations
        eventBase += events
    }

    /// The number in the workspace of the current run's task `ordinal`.
    func taskNumber(_ ordinal: Int) -> Int { taskBase + ordinal }

    /// The current run's ordinal of task `number`; nil for a task of an earlier run.
    func taskOrdinal(_ number: Int) -> Int? { number >= taskBase ? number - taskBase : nil }

    /// The current run's ordinal of reservation `number`; nil for one of an earlier run.
    func reservationOrdinal(_ number: Int) -> Int? { number >= reservationBase ? number - reservationBase : nil }

    /// Sets the attributes of task `number`, which an application sent.
    func setAttributes(ofTask number: Int, _ attributes: String, timeout: Double) {
        tasks[number].attributes = attributes
        tasks[number].timeout = timeout
    }

    /// Sets why task `number` was canceled or completed, as the application said.
    func setReason(ofTask number: Int, _ reason: String) {
        tasks[number].reason = reason
    }

    /// Marks task `number` deleted.
    func delete(task number: Int) {
        tasks[number].deleted = true
    }

    /// Gives the reservations made since the last call their worker's SID and name, which
    /// `worker` looks up by engine index while it is still the workspace's index.
    func nameReservations(_ worker: (Int) -> (sid: String, name: String)?) {
        while namedReservations < reservations.count {
            if let named = worker(reservations[namedReservations].worker) {
                reservations[namedReservations].workerSid = named.sid
                reservations[namedReservations].workerName = named.name
            }
            namedReservations += 1
        }
    }

    /// The worker activity changes since the last call, in order.
    func takeActivityChanges() -> [(worker: Int, activity: Int, time: Double)] {
        defer { activityChanges.removeAll() }
        return activityChanges
    }

    func record(_ event: EventRecord) {
        var event = event
        event.index += eventBase
        event.task = event.task.map { taskBase + $0 }
        event.reservation = event.reservation.map { reservationBase + $0 }
        events.append(event)
        if events.count > Self.eventLimit { events.removeFirst() }
        if let number = event.task { updateTask(number, from: event) }
        if let number = event.reservation { updateReservation(number, from: event) }
        if event.type == .workerActivityUpdate, let worker = event.worker, let activity = event.activity {
            activityChanges.append((worker, activity, event.time))
        }
        outbox.offer(event)
    }

    /// Task `number` after `event`: created by its first event, then its status, queue,
    /// priority and reason as the event gives them.
    private func updateTask(_ number: Int, from event: EventRecord) {
        if number == tasks.count {
            taskBySid[sids.sid(.task, number)] = number
            let stream = event.stream ?? 0
            tasks.append(TwinTask(
                number: number, attributes: stream < streamAttributes.count ? streamAttributes[stream] : "{}",
                status: .pending, priority: event.taskPriority ?? 0, queue: nil, workflow: event.workflow ?? 0,
                channel: event.channel ?? 0, created: event.time - (event.taskAge ?? 0), updated: event.time,
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
            tasks[number].reason = event.reason
        default:
            break
        }
        tasks[number].updated = event.time
    }

    /// Reservation `number` after `event`.
    private func updateReservation(_ number: Int, from event: EventRecord) {
        if number == reservations.count {
            reservationBySid[sids.sid(.reservation, number)] = number
            reservations.append(TwinReservation(
                number: number, task: event.task ?? 0, worker: event.worker ?? 0, status: .pending,
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
        if let status { reservations[number].status = status }
        reservations[number].updated = event.time
    }

    func record(_ task: TaskRecord) {}
    func record(_ reservation: ReservationRecord) {}
    func record(_ span: ActivitySpanRecord) {}
}
