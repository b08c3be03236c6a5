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

extension RowBatch {
    /// An empty batch with room for `rows` tasks and as many reservations, the rows of
    /// nearly every run (spans and events grow as they come): a batch filled from empty
    /// arrays copied its rows again at every doubling.
    init(reservingFor rows: Int) {
        self.init()
        tasks.reserveCapacity(rows)
        reservations.reserveCapacity(rows)
    }
}
