/// The values an expression's references resolve in; which field is read depends on the expression's scope.
///
/// A plain struct of four `AttributeValue`s: build one per evaluation site and mutate `worker` per candidate
/// worker without allocating. Fields the scope does not read are ignored.
public struct ExpressionContext: Sendable {
    /// Read by `.attributes` scope: worker attributes for `target_workers`, task attributes for a filter.
    public var attributes: AttributeValue
    /// Read by `task.` references in `.taskAndWorker` scope: the task's attributes.
    public var task: AttributeValue
    /// Read by `worker.` references in `.taskAndWorker` scope: the candidate worker's attributes, plus whatever
    /// the engine adds (TaskRouter's `sid`, `friendly_name`, `activity_sid`, `activity_name` and `channel` are not
    /// modelled: docs/taskrouter-fidelity.md, What routesim does not model).
    public var worker: AttributeValue
    /// Read by `workers.` references in `.workerCounts` scope: an object of counts such as
    /// `{"available": 2, "unavailable": 5}`.
    public var workers: AttributeValue

    /// A context for `.attributes` scope; the other fields are `.null`.
    public init(attributes: AttributeValue) {
        self.attributes = attributes
        self.task = .null
        self.worker = .null
        self.workers = .null
    }

    /// A context for `.taskAndWorker` scope; the other fields are `.null`.
    public init(task: AttributeValue, worker: AttributeValue) {
        self.attributes = .null
        self.task = task
        self.worker = worker
        self.workers = .null
    }

    /// A context for `.workerCounts` scope; the other fields are `.null`.
    public init(workers: AttributeValue) {
        self.attributes = .null
        self.task = .null
        self.worker = .null
        self.workers = workers
    }
}
