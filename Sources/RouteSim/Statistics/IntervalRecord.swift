/// KPIs of one reporting interval for one queue, or for the whole center (queue nil).
///
/// Tasks count in the interval they were created in and for the queue they were last
/// in. Worker time counts in the interval it was spent in; for a queue, over the queue's
/// member workers.
public struct IntervalRecord: Sendable, Equatable {
    /// 0-based interval number.
    public var index: Int
    public var start: Double
    public var end: Double
    /// Index into ``Workspace/taskQueues``; nil for the row over all queues.
    public var queue: Int?
    /// True when the interval starts before the warm-up ends.
    public var warmup: Bool
    public var kpis: KPIs
    /// Average number of staffed workers over the interval.
    public var staffedAgents: Double

    public init(index: Int, start: Double, end: Double, queue: Int?, warmup: Bool, kpis: KPIs, staffedAgents: Double) {
        self.index = index
        self.start = start
        self.end = end
        self.queue = queue
        self.warmup = warmup
        self.kpis = kpis
        self.staffedAgents = staffedAgents
    }
}
