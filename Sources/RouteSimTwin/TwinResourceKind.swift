/// The kinds of a workspace's sub-resources the twin serves with TaskRouter's create, fetch,
/// list, update and delete.
public enum TwinResourceKind: String, Sendable, CaseIterable {
    case activities = "Activities"
    case taskChannels = "TaskChannels"
    case taskQueues = "TaskQueues"
    case workflows = "Workflows"
    case workers = "Workers"

    /// The path segment under `/v1/Workspaces/{WorkspaceSid}`.
    public var pathSegment: String { rawValue }

    /// The key of the list in a list response.
    public var listKey: String {
        switch self {
        case .activities: "activities"
        case .taskChannels: "channels"
        case .taskQueues: "task_queues"
        case .workflows: "workflows"
        case .workers: "workers"
        }
    }

    /// The resource's name in messages.
    public var singular: String {
        switch self {
        case .activities: "Activity"
        case .taskChannels: "TaskChannel"
        case .taskQueues: "TaskQueue"
        case .workflows: "Workflow"
        case .workers: "Worker"
        }
    }
}
