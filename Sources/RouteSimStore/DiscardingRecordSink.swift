import RouteSim

/// The ``RecordSink`` of the summary recording level: it drops every row, so a run stores
/// only its `runs` and `intervals` rows.
final class DiscardingRecordSink: RecordSink {
    /// Drops the task row.
    func record(_ task: TaskRecord) {}
    /// Drops the reservation row.
    func record(_ reservation: ReservationRecord) {}
    /// Drops the activity span.
    func record(_ span: ActivitySpanRecord) {}
}
