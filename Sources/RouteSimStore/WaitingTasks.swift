/// Tasks waiting in a queue at one real-time snapshot, averaged over a set of runs.
///
/// From the `statistics` table's real-time `taskQueue` documents (`tasks_by_status`),
/// taken at every interval boundary: a count at an instant, not an interval average.
public struct WaitingTasks: Sendable, Equatable {
    /// The queue's friendly name.
    public var queue: String
    /// The snapshot's instant (s from the scenario start).
    public var time: Double
    /// Mean tasks `pending` (no worker reserved yet).
    public var pending: Double
    /// Mean tasks `reserved` (offered to a worker who has not answered yet).
    public var reserved: Double
}
