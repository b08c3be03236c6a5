/// One row per reservation, written when it reaches a terminal status.
public struct ReservationRecord: Sendable, Equatable, BitwiseCopyable {
    /// The reservation's ordinal in the run; its SID derives from it.
    public var index: Int
    /// Ordinal of the task (``TaskRecord/index``).
    public var task: Int
    public var worker: Int
    public var queue: Int
    public var createdAt: Double
    /// When it left `pending` (accepted, rejected, timed out, canceled or rescinded).
    public var respondedAt: Double
    /// When it reached its terminal status: ``respondedAt``, or the task's completion for
    /// an accepted one.
    public var endedAt: Double
    /// The terminal status: `completed`, `rejected`, `timeout`, `canceled` or `rescinded`.
    public var status: ReservationStatus

    public init(
        index: Int, task: Int, worker: Int, queue: Int, createdAt: Double, respondedAt: Double,
        endedAt: Double, status: ReservationStatus
    ) {
        self.index = index
        self.task = task
        self.worker = worker
        self.queue = queue
        self.createdAt = createdAt
        self.respondedAt = respondedAt
        self.endedAt = endedAt
        self.status = status
    }
}
