/// The `reason` strings a canceled task carries, TaskRouter's where it has one.
public enum CancelReason: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
    /// The caller hung up while waiting (patience ran out); the application canceled the task.
    case abandoned = "Caller hung up"
    /// The task's TTL (`timeout`) passed while it was pending or reserved.
    case ttl = "Task TTL Exceeded"
    /// The last target of the last matching filter timed out.
    case workflowTimeout = "Task canceled on Workflow timeout"
    /// `skip_if` skipped every remaining target.
    case workflowSkipped = "Task skipped every workflow target"
    /// No filter matched and the workflow has no `default_filter`.
    case noMatchingFilter = "No workflow filter matched and there is no default_filter"
    /// 1,000 pending-to-reserved transitions.
    case maxAssignments = "Task TTL Exceeded or Max assignment count exceeded"
    /// An application canceled the task through the REST API (the twin keeps its reason).
    case application = "Canceled by the application"
}
