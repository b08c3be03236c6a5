/// One routing step of a workflow filter: a queue, and the conditions under which the task
/// waits there.
///
/// The queue is already resolved: a target that omits `queue` inherits the previous
/// target's when the scenario is loaded (docs/taskrouter-fidelity.md, Workflow rules item 3). The other fields
/// apply to this target only.
public struct WorkflowTarget: Sendable, Equatable {
    /// Index of the queue in ``Workspace/taskQueues``.
    public var queue: Int
    /// A priority that replaces the task's own while it is at this target, and sticks.
    public var priority: Int?
    /// Seconds, cumulative over the filter's targets on the task-age clock; nil means the
    /// task stays at this target until accepted, canceled or timed out by its TTL.
    public var timeout: Double?
    /// A `task.`/`worker.` expression every candidate worker must satisfy.
    public var expression: Expression?
    /// `order_by` clauses, applied before longest-idle.
    public var orderBy: [OrderByClause]
    /// `skip_if`, over the queue's worker counts.
    public var skipIf: Expression?
    /// `known_worker_sid` / `known_worker_friendly_name`.
    public var knownWorker: KnownWorker?

    public init(
        queue: Int, priority: Int? = nil, timeout: Double? = nil, expression: Expression? = nil,
        orderBy: [OrderByClause] = [], skipIf: Expression? = nil, knownWorker: KnownWorker? = nil
    ) {
        self.queue = queue
        self.priority = priority
        self.timeout = timeout
        self.expression = expression
        self.orderBy = orderBy
        self.skipIf = skipIf
        self.knownWorker = knownWorker
    }
}
