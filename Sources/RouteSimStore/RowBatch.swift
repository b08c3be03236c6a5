import RouteSim

/// A run's rows on their way from the engine to the ``RowWriter``: each kind in the order
/// the engine sent it, with the SIDs of tasks and reservations already written.
struct RowBatch: Sendable {
    var tasks: [TaskRecord] = []
    /// The SID of each of ``tasks``, in the same order, ``SidGenerator/length`` bytes each.
    var taskSids: [UInt8] = []
    var reservations: [ReservationRecord] = []
    /// For each of ``reservations``, in the same order: its SID, then its task's SID.
    var reservationSids: [UInt8] = []
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
        taskSids.reserveCapacity(rows * SidGenerator.length)
        reservations.reserveCapacity(rows)
        reservationSids.reserveCapacity(rows * 2 * SidGenerator.length)
    }
}

extension RowBatch {
    /// Writes, with `sids`, the SIDs of the tasks and reservations that do not have theirs
    /// yet (those past the SIDs already written).
    mutating func completeSids(_ sids: SidGenerator) {
        for index in taskSids.count / SidGenerator.length..<tasks.count {
            Self.append(.task, tasks[index].index, sids, to: &taskSids)
        }
        for index in reservationSids.count / (2 * SidGenerator.length)..<reservations.count {
            Self.append(.reservation, reservations[index].index, sids, to: &reservationSids)
            Self.append(.task, reservations[index].task, sids, to: &reservationSids)
        }
    }

    /// Whether every task and reservation has its SIDs.
    var hasAllSids: Bool {
        taskSids.count == tasks.count * SidGenerator.length
            && reservationSids.count == reservations.count * 2 * SidGenerator.length
    }

    /// Appends the SID of the `index`-th resource of a kind to `bytes`.
    private static func append(_ prefix: SidPrefix, _ index: Int, _ sids: SidGenerator, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SidGenerator.length) { sid in
            _ = sids.write(prefix, index, into: sid)
            bytes.append(contentsOf: UnsafeBufferPointer(sid))
        }
    }
}
