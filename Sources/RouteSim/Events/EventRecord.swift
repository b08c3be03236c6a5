/// One TaskRouter event as the engine saw it: the type, the instant, and a snapshot of
/// the resources involved at that moment (indexes; SIDs and names are made when the row
/// is stored).
///
/// Events of one instant come in TaskRouter's documented order (docs/taskrouter-fidelity.md, Events):
/// at creation `workflow.entered`, `task-queue.entered`, `task.created`,
/// `workflow.target-matched`; on completion `task.completed` before
/// `reservation.completed`; a reservation time-out before the worker's activity update.
public struct EventRecord: Sendable, Equatable, BitwiseCopyable {
    public var type: TaskRouterEventType
    /// Simulated seconds.
    public var time: Double
    /// Ordinal of the event in the run (its SID derives from it).
    public var index: Int
    /// Task ordinal, for task, reservation, queue and workflow events.
    public var task: Int?
    /// The task's arrival stream.
    public var stream: Int?
    /// The task's attribute set, by ``RunNumbering/profiles``.
    public var profile: Int?
    public var taskPriority: Int?
    /// The task's channel.
    public var channel: Int?
    /// Seconds since the task was created.
    public var taskAge: Double?
    public var taskStatus: TaskStatus?
    /// The queue the event is about (for `task-queue.moved`/`timeout`, the one left).
    public var queue: Int?
    public var workflow: Int?
    /// The workflow filter the task is in (-1: the default filter).
    public var filter: Int?
    /// Why the task was canceled or completed (a value, not its text, so that the record
    /// is copied bit by bit).
    public var reason: TaskReason?
    /// Reservation ordinal, for reservation events.
    public var reservation: Int?
    public var worker: Int?
    /// The worker's activity after the event.
    public var activity: Int?
    /// For `worker.activity.update`: the activity left and the seconds spent in it.
    public var previousActivity: Int?
    public var timeInPreviousActivity: Double?

    public init(type: TaskRouterEventType, time: Double, index: Int) {
        self.type = type
        self.time = time
        self.index = index
    }
}
