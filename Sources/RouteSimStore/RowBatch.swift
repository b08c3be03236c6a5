import RouteSim

/// A run's rows on their way from the engine to the ``RowWriter``: each kind in the order
/// the engine sent it.
struct RowBatch: Sendable {
    var tasks: [TaskRecord] = []
    var reservations: [ReservationRecord] = []
    var spans: [ActivitySpanRecord] = []
    var events: [EventRecord] = []

    /// The number of rows of every kind.
    var count: Int { tasks.count + reservations.count + spans.count + events.count }
}
