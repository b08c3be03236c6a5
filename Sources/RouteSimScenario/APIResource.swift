/// A kind of TaskRouter resource `taskrouter:` imports: the shape of its API response and
/// how its JSON fields become the keys of the scenario section it takes the place of.
///
/// Fields not listed are ignored (URLs, `account_sid`, dates, `links`, statistics, ...).
enum APIResource: String, CaseIterable, Sendable {
    /// The Workspace, one object (`GET /v1/Workspaces/WS…`).
    case workspace
    /// Activities (`GET …/Activities`).
    case activities
    /// TaskChannels (`GET …/TaskChannels`).
    case taskChannels = "task_channels"
    /// TaskQueues (`GET …/TaskQueues`).
    case taskQueues = "task_queues"
    /// Workflows (`GET …/Workflows`).
    case workflows
    /// Workers (`GET …/Workers`).
    case workers

    /// One scenario key and the API fields it is read from: the first present and not null.
    struct FieldSource: Sendable {
        /// The key of the scenario's section item.
        let key: String
        /// The API fields, in order of preference.
        let fields: [String]
    }

    /// The scenario section it replaces, which is also its key under `taskrouter:`.
    var section: String { rawValue }

    /// The key of the list in the API's list response, `{"<key>": [...], "meta": {...}}`;
    /// nil for the workspace, whose file is the one object a fetch returns.
    var listKey: String? {
        switch self {
        case .workspace: return nil
        case .taskChannels: return "channels"
        case .activities, .taskQueues, .workflows, .workers: return rawValue
        }
    }

    /// The API's name of the resource, as messages print it.
    var apiName: String {
        switch self {
        case .workspace: return "Workspace"
        case .activities: return "Activities"
        case .taskChannels: return "TaskChannels"
        case .taskQueues: return "TaskQueues"
        case .workflows: return "Workflows"
        case .workers: return "Workers"
        }
    }

    /// Where each scenario key comes from. An activity is referred to by its name when the
    /// response has it, so the reference also resolves against activities written in the
    /// scenario; its SID otherwise.
    var sources: [FieldSource] {
        switch self {
        case .workspace:
            return Self.same("sid", "friendly_name", "multi_task_enabled", "prioritize_queue_order", "events_filter")
                + [
                    FieldSource(key: "default_activity", fields: ["default_activity_name", "default_activity_sid"]),
                    FieldSource(key: "timeout_activity", fields: ["timeout_activity_name", "timeout_activity_sid"]),
                ]
        case .activities:
            return Self.same("sid", "friendly_name", "available")
        case .taskChannels:
            return Self.same("sid", "unique_name", "friendly_name", "channel_optimized_routing")
        case .taskQueues:
            return Self.same("sid", "friendly_name", "target_workers", "task_order", "max_reserved_workers") + [
                FieldSource(key: "reservation_activity", fields: ["reservation_activity_name", "reservation_activity_sid"]),
                FieldSource(key: "assignment_activity", fields: ["assignment_activity_name", "assignment_activity_sid"]),
            ]
        case .workflows:
            return Self.same("sid", "friendly_name", "configuration", "task_reservation_timeout")
        case .workers:
            return Self.same("sid", "attributes") + [
                FieldSource(key: "group", fields: ["friendly_name"]),
                FieldSource(key: "activity", fields: ["activity_name", "activity_sid"]),
            ]
        }
    }

    /// Scenario keys read from the API fields of the same name.
    private static func same(_ keys: String...) -> [FieldSource] {
        keys.map { FieldSource(key: $0, fields: [$0]) }
    }
}
