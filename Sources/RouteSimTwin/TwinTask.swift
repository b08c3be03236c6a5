import RouteSim

/// A task as the Tasks resource shows it: what its events have said so far.
public struct TwinTask: Sendable {
    /// The task's number in its workspace (its SID derives from it).
    public var number: Int
    /// `attributes` as the application sent them, or the arrival stream's for a
    /// scenario's caller.
    public var attributes: String
    public var status: TaskStatus
    public var priority: Int
    /// Index of its current queue; nil before its first, or once that queue is deleted.
    public var queue: Int?
    /// Indexes of its workflow and channel; nil once that resource is deleted.
    public var workflow: Int?
    public var channel: Int?
    public var created: Double
    public var updated: Double
    /// When it entered its current queue.
    public var queueEntered: Double?
    /// `timeout`, its TTL (s).
    public var timeout: Double
    /// Why it was canceled or completed.
    public var reason: String?
    /// Deleted through the API: no longer listed or fetched.
    public var deleted = false
    /// Its pending reservations: when the last ends unaccepted, the task is pending again
    /// (no event says so).
    var pendingReservations = 0
}
