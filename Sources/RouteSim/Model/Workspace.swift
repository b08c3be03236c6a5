/// A TaskRouter Workspace (`WS…`) and everything routing reads from it.
///
/// Resources refer to each other by index into these arrays; SIDs and friendly names are
/// for people and for output.
public struct Workspace: Sendable, Equatable {
    /// The `WS…` SID.
    public var sid: String
    /// TaskRouter's `friendly_name`.
    public var friendlyName: String
    /// `multi_task_enabled` (TaskRouter's default: true).
    public var multiTaskEnabled: Bool
    /// `template` the workspace was created with.
    public var template: WorkspaceTemplate
    /// `prioritize_queue_order`: whether FIFO or LIFO queues are served first for a worker
    /// that belongs to both kinds.
    public var prioritizeQueueOrder: QueueOrder
    /// `default_activity`: index of the activity new workers start in.
    public var defaultActivity: Int
    /// `timeout_activity`: index of the activity a worker is moved to when a reservation
    /// times out.
    public var timeoutActivity: Int
    /// `events_filter`: the event types kept, or nil for all.
    public var eventsFilter: [String]?
    public var activities: [Activity]
    public var taskChannels: [TaskChannel]
    public var taskQueues: [TaskQueue]
    public var workflows: [Workflow]

    public init(
        sid: String, friendlyName: String, multiTaskEnabled: Bool = true,
        template: WorkspaceTemplate = .none, prioritizeQueueOrder: QueueOrder = .fifo,
        defaultActivity: Int, timeoutActivity: Int, eventsFilter: [String]? = nil,
        activities: [Activity], taskChannels: [TaskChannel], taskQueues: [TaskQueue],
        workflows: [Workflow]
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.multiTaskEnabled = multiTaskEnabled
        self.template = template
        self.prioritizeQueueOrder = prioritizeQueueOrder
        self.defaultActivity = defaultActivity
        self.timeoutActivity = timeoutActivity
        self.eventsFilter = eventsFilter
        self.activities = activities
        self.taskChannels = taskChannels
        self.taskQueues = taskQueues
        self.workflows = workflows
    }

    /// The activities every new workspace has, in TaskRouter's order (docs/taskrouter-fidelity.md, SIDs and a new workspace):
    /// `Offline`, `Available`, `Unavailable`.
    public static let defaultActivities: [(friendlyName: String, available: Bool)] = [
        ("Offline", false), ("Available", true), ("Unavailable", false),
    ]

    /// The task channels every multitasking workspace has: unique name and friendly name.
    public static let defaultTaskChannels: [(uniqueName: String, friendlyName: String)] = [
        ("default", "Default"), ("voice", "Voice"), ("sms", "SMS"), ("chat", "Chat"), ("video", "Video"),
    ]

    /// The friendly name of the queue the FIFO template creates (`target_workers` `1==1`).
    public static let sampleQueueName = "Sample Queue"
    /// The friendly name of the workflow the FIFO template creates (reservation time-out
    /// 120 s, every task to the Sample Queue).
    public static let fifoWorkflowName = "Default Fifo Workflow"

    /// Index of the activity with this friendly name (exact match). O(activities).
    public func activityIndex(named name: String) -> Int? {
        activities.firstIndex { $0.friendlyName == name }
    }

    /// Index of the queue with this friendly name (exact match). O(queues).
    public func queueIndex(named name: String) -> Int? {
        taskQueues.firstIndex { $0.friendlyName == name }
    }

    /// Index of the channel with this unique name (exact match). O(channels).
    public func channelIndex(named name: String) -> Int? {
        taskChannels.firstIndex { $0.uniqueName == name }
    }

    /// Index of the workflow with this friendly name (exact match). O(workflows).
    public func workflowIndex(named name: String) -> Int? {
        workflows.firstIndex { $0.friendlyName == name }
    }
}
