/// Known-worker routing: only the worker named by a task attribute may be reserved.
public struct KnownWorker: Sendable, Equatable {
    /// Which worker field the task attribute names.
    public enum Field: String, Sendable, Equatable {
        case sid = "known_worker_sid"
        case friendlyName = "known_worker_friendly_name"
    }
    public var field: Field
    /// The task attribute path after `task.`.
    public var taskAttribute: [String]

    public init(field: Field, taskAttribute: [String]) {
        self.field = field
        self.taskAttribute = taskAttribute
    }
}
