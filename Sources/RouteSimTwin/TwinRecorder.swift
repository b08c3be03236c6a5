import RouteSim

/// What `routesim serve --out` keeps of one run of a workspace's engine: the engine's sink
/// in place of its ``TwinEventLog``, it keeps every task, reservation, activity span and
/// event, numbered in the workspace as the log numbers them, and passes each event on to
/// the log.
///
/// Without `--out` the log is the engine's sink, so nothing is kept or copied.
final class TwinRecorder: RecordSink {
    /// The log the events go on to.
    let log: TwinEventLog
    /// The rows kept, in the order the engine sent them.
    private(set) var rows = RecordedRows()
    /// The workspace's number of this run's task 0, reservation 0 and event 0.
    let bases: (tasks: Int, reservations: Int, events: Int)

    init(log: TwinEventLog, bases: (tasks: Int, reservations: Int, events: Int) = (0, 0, 0)) {
        self.log = log
        self.bases = bases
    }

    /// The recorder of the engine's next run, after this one made `made` of each.
    func next(after made: (tasks: Int, reservations: Int, events: Int)) -> TwinRecorder {
        TwinRecorder(
            log: log,
            bases: (bases.tasks + made.tasks, bases.reservations + made.reservations, bases.events + made.events))
    }

    func record(_ task: TaskRecord) {
        var task = task
        task.index += bases.tasks
        rows.tasks.append(task)
    }

    func record(_ reservation: ReservationRecord) {
        var reservation = reservation
        reservation.index += bases.reservations
        reservation.task += bases.tasks
        rows.reservations.append(reservation)
    }

    func record(_ span: ActivitySpanRecord) {
        rows.spans.append(span)
    }

    func record(_ event: EventRecord) {
        log.record(event)
        var event = event
        event.index += bases.events
        event.task = event.task.map { bases.tasks + $0 }
        event.reservation = event.reservation.map { bases.reservations + $0 }
        rows.events.append(event)
    }
}
