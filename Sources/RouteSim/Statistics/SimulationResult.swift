/// What a run returns besides the rows it sent to its ``RecordSink``.
public struct SimulationResult: Sendable, Equatable {
    /// KPIs over every task created at or after the warm-up, and worker time after it.
    public var summary: KPIs
    /// The same per queue (tasks by the queue they were last in; worker time of the
    /// queue's members), in queue order.
    public var queues: [KPIs]
    /// Per interval, the all-queues row first, then one row per queue in queue order.
    public var intervals: [IntervalRecord]
    /// Events processed.
    public var eventCount: Int
    /// Tasks created, warm-up included.
    public var tasksCreated: Int
    /// The simulated time the run ended (s): the last task's end, or the horizon if later.
    public var endTime: Double
    /// TaskRouter's statistics documents: the real-time snapshots in time order (at each
    /// boundary the workspace, then queues, then workflows), then the cumulative documents
    /// (workspace, queues, workflows, workers).
    public var statistics: [StatisticsDocument]

    public init(
        summary: KPIs, queues: [KPIs], intervals: [IntervalRecord], eventCount: Int, tasksCreated: Int, endTime: Double,
        statistics: [StatisticsDocument] = []
    ) {
        self.summary = summary
        self.queues = queues
        self.intervals = intervals
        self.eventCount = eventCount
        self.tasksCreated = tasksCreated
        self.endTime = endTime
        self.statistics = statistics
    }
}
