/// The planner's KPIs over a set of tasks and worker time: one interval and queue, or a
/// whole run.
///
/// Service level as docs/schema.md (KPI columns) defines it: ``serviceLevel`` = answered
/// within the threshold / (answered + abandoned after the threshold); ``slOffered`` = answered within / offered;
/// ``slAnswered`` = answered within / answered. "Within" means wait < threshold.
/// Ratios with a zero denominator are nil.
public struct KPIs: Sendable, Equatable, BitwiseCopyable {
    /// Tasks created.
    public var offered: Int = 0
    /// Tasks accepted by a worker.
    public var answered: Int = 0
    /// Tasks canceled because the caller hung up.
    public var abandoned: Int = 0
    /// Tasks canceled for any other reason (TTL, workflow time-out, ...).
    public var otherCanceled: Int = 0
    /// Answered with wait < threshold.
    public var answeredWithin: Int = 0
    /// Abandoned with wait >= threshold.
    public var abandonedAfter: Int = 0
    /// Sum of waits of answered tasks (s).
    public var answeredWaitTotal: Double = 0
    /// Sum of handle plus wrap-up times of completed tasks (s).
    public var handleTotal: Double = 0
    /// Completed tasks counted in ``handleTotal``.
    public var handled: Int = 0
    /// Longest wait of any task (answered, abandoned or canceled).
    public var longestWait: Double = 0
    /// Worker-seconds holding at least one accepted task.
    public var busySeconds: Double = 0
    /// Worker-seconds staffed: in an available activity, or busy in any activity.
    public var staffedSeconds: Double = 0
    /// Reservations that ended in each way.
    public var reservationsCreated: Int = 0
    public var reservationsAccepted: Int = 0
    public var reservationsRejected: Int = 0
    public var reservationsTimedOut: Int = 0

    public init() {}

    /// Answered within / (answered + abandoned after).
    public var serviceLevel: Double? { ratio(answeredWithin, answered + abandonedAfter) }
    /// Answered within / offered.
    public var slOffered: Double? { ratio(answeredWithin, offered) }
    /// Answered within / answered.
    public var slAnswered: Double? { ratio(answeredWithin, answered) }
    /// Abandoned / offered.
    public var abandonRate: Double? { ratio(abandoned, offered) }
    /// Average speed of answer: mean wait of answered tasks (s).
    public var asa: Double? { answered > 0 ? answeredWaitTotal / Double(answered) : nil }
    /// Average handle time, wrap-up included (s).
    public var aht: Double? { handled > 0 ? handleTotal / Double(handled) : nil }
    /// Busy / staffed worker time.
    public var occupancy: Double? { staffedSeconds > 0 ? busySeconds / staffedSeconds : nil }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
