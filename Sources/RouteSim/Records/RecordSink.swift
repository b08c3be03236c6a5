/// Receives the run's rows as they are completed: a task when it has ended, a reservation
/// when it is terminal, an activity span when the worker leaves the activity.
///
/// The engine calls it once per finished record, never per event; what the sink does with
/// a row (store, count, drop) is its business. Rows of one run arrive in simulated-time
/// order of completion.
public protocol RecordSink: AnyObject {
    func record(_ task: TaskRecord)
    func record(_ reservation: ReservationRecord)
    func record(_ span: ActivitySpanRecord)
    /// A TaskRouter event; called only when the run records events.
    func record(_ event: EventRecord)
}

extension RecordSink {
    /// Sinks that do not store events need not implement this.
    public func record(_ event: EventRecord) {}
}
