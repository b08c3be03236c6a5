import RouteSim

/// What `routesim serve --out` keeps of one run of a workspace's engine: the engine's sink
/// in place of its ``TwinEventLog``, it keeps every task, reservation, activity span and
/// event, numbered in the workspace by the log, and passes each event on to the log.
///
/// Without `--out` the log is the engine's sink, so nothing is kept or copied.
final class TwinRecorder: RecordSink {
    /// The log the events go on to, which numbers the rows.
    let log: TwinEventLog
    /// The rows kept, in the order the engine sent them.
    private(set) var rows = RecordedRows()

    init(log: TwinEventLog) {
        self.log = log
    }

    func record(_ task: TaskRecord) {
        var task = task
        task.index = log.taskNumber(task.index)
        rows.tasks.append(task)
    }

    func record(_ reservation: ReservationRecord) {
        var reservation = reservation
        reservation.index = log.reservationNumber(reservation.index)
        reservation.task = log.taskNumber(reservation.task)
        rows.reservations.append(reservation)
    }

    func record(_ span: ActivitySpanRecord) {
        rows.spans.append(span)
    }

    func record(_ event: EventRecord) {
        rows.events.append(log.keep(event))
    }
}
