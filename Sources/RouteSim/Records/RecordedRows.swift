/// A run's rows held in memory, to be stored later: what a replication simulated on
/// another thread hands to the one that writes the results file.
///
/// Rows keep their order within each kind; ``replay(into:)`` sends them on kind by kind,
/// which stores the same rows as sending them as they came, since no row refers to a row
/// of another kind by position.
public struct RecordedRows: Sendable, Equatable {
    public var tasks: [TaskRecord] = []
    public var reservations: [ReservationRecord] = []
    public var spans: [ActivitySpanRecord] = []
    public var events: [EventRecord] = []

    public init() {}

    /// Whether it holds no row at all.
    public var isEmpty: Bool {
        tasks.isEmpty && reservations.isEmpty && spans.isEmpty && events.isEmpty
    }

    /// Sends every row to `sink`: tasks, reservations, activity spans, then events.
    ///
    /// Complexity: O(*n*) in the number of rows.
    public func replay(into sink: any RecordSink) {
        for task in tasks { sink.record(task) }
        for reservation in reservations { sink.record(reservation) }
        for span in spans { sink.record(span) }
        for event in events { sink.record(event) }
    }
}
