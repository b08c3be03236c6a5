import DequeModule
import RouteSim

/// What a workspace's live engine has told: the Events log, and every task and reservation
/// as its events left them. The engine's ``RecordSink``.
///
/// The engine numbers tasks, reservations and events from 0 in each run; a workspace whose
/// engine is rebuilt (``TwinEngine``) goes on numbering from where the last run stopped,
/// by the bases set with ``continueNumbering(tasks:reservations:events:)``, so SIDs never
/// repeat. The events the twin makes for changes of configuration through the API
/// (``keep(made:naming:)``) are numbered in the same stream, each taking the number the
/// engine's next event would have had. The Events log keeps the latest ``eventLimit`` events, dropping the oldest
/// first; tasks and reservations are kept for the whole session.
final class TwinEventLog: RecordSink {
    /// The events the log keeps at most.
    static let eventLimit = 100_000

    /// The events, tasks and reservations kept.
    private var history: TwinHistory
    /// The kept events, oldest first, numbered in the workspace: their `index`, `task` and
    /// `reservation` are the workspace's numbers, not the run's.
    var events: Deque<EventRecord> { history.events }
    /// Every task, by number.
    var tasks: [TwinTask] { history.tasks }
    /// Every reservation, by number.
    var reservations: [TwinReservation] { history.reservations }
    /// How many reservations have their worker's SID and name (``nameReservations(_:)``).
    private var namedReservations = 0
    /// Makes the SIDs of tasks, reservations and events from their numbers.
    let sids: SidGenerator
    /// The number of each task and reservation by SID (looked up, never iterated).
    private var taskSids = TwinSidIndex(.task)
    private var reservationSids = TwinSidIndex(.reservation)
    /// The events that wait to be sent to the workspace's `EventCallbackUrl`.
    let outbox = TwinEventOutbox(limit: TwinEventCallbacks.limit)
    /// The reservations that wait for their workflow's assignment callback.
    let assignments = TwinAssignmentOutbox()

    init(streamAttributes: [String], sids: SidGenerator) {
        history = TwinHistory(streamAttributes: streamAttributes)
        self.sids = sids
    }

    /// The number of the task whose SID is `sid`; nil for none. O(1) amortized.
    func task(sid: String) -> Int? {
        taskSids.number(of: sid, count: history.tasks.count, sids: sids)
    }

    /// The number of the reservation whose SID is `sid`; nil for none. O(1) amortized.
    func reservation(sid: String) -> Int? {
        reservationSids.number(of: sid, count: history.reservations.count, sids: sids)
    }

    /// Numbers the next run's tasks, reservations and events after `tasks`,
    /// `reservations` and `events` of the runs before.
    func continueNumbering(tasks: Int, reservations: Int, events: Int) {
        history.taskBase += tasks
        history.reservationBase += reservations
        history.eventBase += events
    }

    /// The number in the workspace of the current run's task `ordinal`.
    func taskNumber(_ ordinal: Int) -> Int { history.taskBase + ordinal }

    /// The number in the workspace of the current run's reservation `ordinal`.
    func reservationNumber(_ ordinal: Int) -> Int { history.reservationBase + ordinal }

    /// The tasks assigned to worker `worker` (an engine index) on channel `channel` now. O(1).
    func assignedTasks(worker: Int, channel: Int) -> Int {
        history.assignedTasks(worker: worker, channel: channel)
    }

    /// Moves what the log keeps to the numbering of the next build (``TwinHistory/renumber(_:)``).
    func renumber(_ renumbering: TwinRenumbering) {
        history.renumber(renumbering)
    }

    /// The current run's ordinal of task `number`; nil for a task of an earlier run.
    func taskOrdinal(_ number: Int) -> Int? { number >= history.taskBase ? number - history.taskBase : nil }

    /// The current run's ordinal of reservation `number`; nil for one of an earlier run.
    func reservationOrdinal(_ number: Int) -> Int? { number >= history.reservationBase ? number - history.reservationBase : nil }

    /// Sets the attributes of task `number`, which an application sent.
    func setAttributes(ofTask number: Int, _ attributes: String, timeout: Double) {
        history.tasks[number].attributes = attributes
        history.tasks[number].timeout = timeout
    }

    /// Sets why task `number` was canceled or completed, as the application said.
    func setReason(ofTask number: Int, _ reason: String) {
        history.tasks[number].reason = reason
    }

    /// Marks task `number` deleted.
    func delete(task number: Int) {
        history.tasks[number].deleted = true
    }

    /// Gives the reservations made since the last call their worker's SID and name, which
    /// `worker` looks up by index.
    func nameReservations(_ worker: (Int) -> (sid: String, name: String)?) {
        while namedReservations < history.reservations.count {
            if let w = history.reservations[namedReservations].worker, let named = worker(w) {
                history.reservations[namedReservations].workerSid = named.sid
                history.reservations[namedReservations].workerName = named.name
            }
            namedReservations += 1
        }
    }

    /// The worker activity changes since the last call, in order.
    func takeActivityChanges() -> [(worker: Int, activity: Int, time: Double)] {
        defer { history.activityChanges.removeAll() }
        return history.activityChanges
    }

    /// Keeps `event` and offers it to the outbox; returns it as kept, numbered in the
    /// workspace (``TwinHistory/record(_:)``).
    @discardableResult
    func keep(_ event: EventRecord) -> EventRecord {
        let kept = history.record(event)
        outbox.offer(kept)
        assignments.offer(kept)
        return kept
    }

    /// Keeps `event`, made by the twin for a change through the API at the current run's
    /// next event ordinal, naming `subject`, and offers it to the outbox
    /// (``TwinHistory/record(made:naming:)``).
    func keep(made event: EventRecord, naming subject: TwinEventSubject?) {
        outbox.offer(history.record(made: event, naming: subject))
    }

    /// What `event` names when the twin made it for a change of configuration; nil otherwise.
    func subject(of event: EventRecord) -> TwinEventSubject? {
        history.subject(ofEvent: event.index)
    }

    func record(_ event: EventRecord) {
        keep(event)
    }

    func record(_ task: TaskRecord) {}
    func record(_ reservation: ReservationRecord) {}
    func record(_ span: ActivitySpanRecord) {}
}
