/// A TaskRouter TaskQueue (`WQ…`).
///
/// Membership is decided by ``targetWorkers`` over worker attributes alone, whatever the
/// worker's activity (docs/taskrouter-fidelity.md, Matching).
public struct TaskQueue: Sendable, Equatable {
    /// The `WQ…` SID.
    public var sid: String
    /// TaskRouter's `friendly_name`; workflows refer to queues by it.
    public var friendlyName: String
    /// `target_workers`: which workers are members (default `1==1`).
    public var targetWorkers: Expression
    /// `task_order`: FIFO (priority, then age) or LIFO (newest first).
    public var taskOrder: QueueOrder
    /// `max_reserved_workers`: parallel reservations per task, 1...50.
    public var maxReservedWorkers: Int
    /// `reservation_activity`: index of the activity a single-tasking worker moves to
    /// when reserved from this queue.
    public var reservationActivity: Int?
    /// `assignment_activity`: index of the activity a single-tasking worker moves to when
    /// it accepts a task from this queue.
    public var assignmentActivity: Int?

    public init(
        sid: String, friendlyName: String, targetWorkers: Expression = .always,
        taskOrder: QueueOrder = .fifo, maxReservedWorkers: Int = 1,
        reservationActivity: Int? = nil, assignmentActivity: Int? = nil
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.targetWorkers = targetWorkers
        self.taskOrder = taskOrder
        self.maxReservedWorkers = maxReservedWorkers
        self.reservationActivity = reservationActivity
        self.assignmentActivity = assignmentActivity
    }
}
