/// One row per task, written when the task has ended (completed or canceled).
///
/// Resources are indexes (into the spec's arrays, and workers and profiles as ``RunNumbering`` numbers them);
/// SIDs are made from them when the row is stored. Times are simulated seconds. Plain
/// bytes (no reference inside), so a record costs a copy, not reference counting, on its way
/// through the row writer's queues.
public struct TaskRecord: Sendable, Equatable, BitwiseCopyable {
    /// The task's ordinal in the run (creation order); its SID derives from it.
    public var index: Int
    /// Index of the arrival stream.
    public var stream: Int
    /// The task's attribute set, by ``RunNumbering/profiles`` (its stream's, unless a traced caller
    /// brought attributes of its own).
    public var profile: Int
    public var channel: Int
    public var workflow: Int
    /// The priority the task ended with (a target may have changed it).
    public var priority: Int
    public var createdAt: Double
    /// The first queue the task entered; nil if it never entered one.
    public var firstQueue: Int?
    /// The queue the task was last in.
    public var queue: Int?
    /// The worker that accepted it.
    public var worker: Int?
    public var assignedAt: Double?
    public var wrapupAt: Double?
    public var completedAt: Double?
    public var canceledAt: Double?
    /// `completed` or `canceled`.
    public var status: TaskStatus
    /// Why it ended.
    public var reason: TaskReason
    /// Reservations created for it.
    public var reservationCount: Int
    /// Seconds from creation to acceptance, or to cancellation if never accepted.
    public var waitSeconds: Double

    public init(
        index: Int, stream: Int, channel: Int, workflow: Int, priority: Int,
        createdAt: Double, firstQueue: Int?, queue: Int?, worker: Int?, assignedAt: Double?,
        wrapupAt: Double?, completedAt: Double?, canceledAt: Double?, status: TaskStatus,
        reason: TaskReason, reservationCount: Int, waitSeconds: Double, profile: Int? = nil
    ) {
        self.index = index
        self.stream = stream
        self.profile = profile ?? stream
        self.channel = channel
        self.workflow = workflow
        self.priority = priority
        self.createdAt = createdAt
        self.firstQueue = firstQueue
        self.queue = queue
        self.worker = worker
        self.assignedAt = assignedAt
        self.wrapupAt = wrapupAt
        self.completedAt = completedAt
        self.canceledAt = canceledAt
        self.status = status
        self.reason = reason
        self.reservationCount = reservationCount
        self.waitSeconds = waitSeconds
    }
}
