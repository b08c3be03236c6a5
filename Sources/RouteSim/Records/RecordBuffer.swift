/// A sink that keeps a run's rows in memory (``RecordedRows``) instead of storing them.
public final class RecordBuffer: RecordSink {
    /// The rows received so far.
    public private(set) var rows = RecordedRows()

    public init() {}

    public func record(_ task: TaskRecord) { rows.tasks.append(task) }
    public func record(_ reservation: ReservationRecord) { rows.reservations.append(reservation) }
    public func record(_ span: ActivitySpanRecord) { rows.spans.append(span) }
    public func record(_ event: EventRecord) { rows.events.append(event) }
}
