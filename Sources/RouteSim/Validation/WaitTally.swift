/// A sink that adds up what the validation cases measure beyond ``KPIs``, over the tasks
/// created at or after the warm-up: how many there were, how many waited at all, the sum of
/// their waits, and the time in system of those completed.
///
/// A wait of exactly 0 means an agent took the task the instant it arrived; that needs
/// agents that answer at once (``AnswerBehavior/immediate``).
public final class WaitTally: RecordSink {
    /// Tasks created before this time (s) are not counted.
    public let warmup: Double
    public private(set) var tasks = 0
    /// Tasks whose wait was above 0.
    public private(set) var waited = 0
    /// Sum of all counted tasks' waits (to acceptance, or to cancellation), seconds.
    public private(set) var waitTotal = 0.0
    /// Sum of creation-to-completion times of completed tasks, seconds.
    public private(set) var sojournTotal = 0.0

    public init(warmup: Double) {
        self.warmup = warmup
    }

    public func record(_ task: TaskRecord) {
        guard task.createdAt >= warmup else { return }
        tasks += 1
        waitTotal += task.waitSeconds
        if task.waitSeconds > 0 { waited += 1 }
        if let completed = task.completedAt { sojournTotal += completed - task.createdAt }
    }

    public func record(_ reservation: ReservationRecord) {}
    public func record(_ span: ActivitySpanRecord) {}
}
