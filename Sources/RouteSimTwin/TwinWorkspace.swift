import Foundation
import RouteSim
import RouteSimScenario

/// One workspace of the twin's account: its settings and resources as the API creates and
/// changes them, stored parsed and typed (expressions compiled, references as indices), so
/// that ``makeWorkspace()`` gives the engine's ``Workspace``.
///
/// Every change is validated here and refused whole with a ``TwinError`` (400/20001 for a
/// bad parameter, 404/20404 for an unknown SID). SIDs come from the workspace's own
/// ``SidGenerator``, seeded per workspace, one index per resource ever created of a kind:
/// a deleted resource's SID is never given again.
public struct TwinWorkspace: Sendable {
    /// The `WS…` SID.
    public let sid: String
    /// `friendly_name`, at most 64 characters.
    public var friendlyName: String
    /// `event_callback_url`: where ``TwinEventCallbacks`` POSTs the workspace's events.
    public var eventCallbackUrl: String?
    /// `events_filter` as given (comma-separated event types), or nil for none.
    public var eventsFilter: String?
    /// `multi_task_enabled`.
    public var multiTaskEnabled: Bool
    /// The `Template` the workspace was created with.
    public let template: WorkspaceTemplate
    /// `prioritize_queue_order`.
    public var prioritizeQueueOrder: QueueOrder
    /// Index of `default_activity` in ``activities``.
    public var defaultActivity: Int
    /// Index of `timeout_activity` in ``activities``.
    public var timeoutActivity: Int
    /// `date_created`, `date_updated`.
    public var created: Double
    public var updated: Double
    /// The workspace's simulated time: the clock's time when it was created, then wherever
    /// ``advance(to:)`` took it.
    public internal(set) var time: Double
    public var activities: [TwinRecord<Activity>] = []
    public var taskChannels: [TwinRecord<TaskChannel>] = []
    public var taskQueues: [TwinRecord<TaskQueue>] = []
    public var workflows: [TwinRecord<TwinWorkflow>] = []
    public var workers: [TwinRecord<TwinWorker>] = []
    /// Makes this workspace's SIDs.
    let sids: SidGenerator
    /// How many SIDs of each kind were given.
    var issued: [SidPrefix: Int] = [:]

    /// TaskRouter's limit on friendly names.
    static let nameLimit = 64

    /// A workspace from the parameters of `POST /v1/Workspaces`, created at `time`, with
    /// TaskRouter's default activities and task channels and what `Template` adds.
    public init(sid: String, seed: UInt64, parameters: TwinParameters, at time: Double) throws(TwinError) {
        self.sid = sid
        sids = SidGenerator(seed: seed)
        friendlyName = try Self.friendlyName(parameters.required("FriendlyName"))
        eventCallbackUrl = try parameters.value("EventCallbackUrl").map { url throws(TwinError) in try Self.callbackURL(url, parameter: "EventCallbackUrl") }
        eventsFilter = try parameters.value("EventsFilter").map(Self.eventsFilter)
        multiTaskEnabled = try parameters.bool("MultiTaskEnabled") ?? true
        template = try parameters.choice("Template", WorkspaceTemplate.self) ?? .none
        prioritizeQueueOrder = try parameters.choice("PrioritizeQueueOrder", QueueOrder.self) ?? .fifo
        created = time
        updated = time
        self.time = time
        // `Offline`, the first of the default activities.
        defaultActivity = 0
        timeoutActivity = 0
        for (name, available) in Workspace.defaultActivities {
            activities.append(TwinRecord(Activity(sid: issue(.activity), friendlyName: name, available: available), at: time))
        }
        for (uniqueName, name) in Workspace.defaultTaskChannels {
            taskChannels.append(TwinRecord(TaskChannel(sid: issue(.taskChannel), uniqueName: uniqueName, friendlyName: name), at: time))
        }
        if template == .fifo {
            let queue = TaskQueue(sid: issue(.taskQueue), friendlyName: Workspace.sampleQueueName)
            taskQueues.append(TwinRecord(queue, at: time))
            let configuration = #"{"task_routing":{"filters":[],"default_filter":{"queue":"\#(queue.sid)"}}}"#
            let workflow = Workflow(
                sid: issue(.workflow), friendlyName: Workspace.fifoWorkflowName, filters: [],
                defaultFilter: WorkflowTarget(queue: 0))
            workflows.append(TwinRecord(TwinWorkflow(workflow: workflow, configuration: configuration), at: time))
        }
    }

    /// Applies `POST /v1/Workspaces/{Sid}`.
    ///
    /// `MultiTaskEnabled=false` on a multitasking workspace is refused: TaskRouter converts
    /// no workspace back to single-tasking once it multitasks.
    public mutating func update(_ parameters: TwinParameters) throws(TwinError) {
        var changed = self
        if let name = parameters.value("FriendlyName") { changed.friendlyName = try Self.friendlyName(name) }
        if let url = parameters.value("EventCallbackUrl") { changed.eventCallbackUrl = try Self.callbackURL(url, parameter: "EventCallbackUrl") }
        if let filter = parameters.value("EventsFilter") { changed.eventsFilter = try Self.eventsFilter(filter) }
        if let multitasking = try parameters.bool("MultiTaskEnabled") {
            if multiTaskEnabled, !multitasking {
                throw .invalidParameter("Multitasking cannot be disabled: a multitasking workspace cannot be converted back to single-tasking")
            }
            changed.multiTaskEnabled = multitasking
        }
        if let order = try parameters.choice("PrioritizeQueueOrder", QueueOrder.self) { changed.prioritizeQueueOrder = order }
        if let activity = parameters.value("DefaultActivitySid") { changed.defaultActivity = try reference(.activities, activity, parameter: "DefaultActivitySid") }
        if let activity = parameters.value("TimeoutActivitySid") { changed.timeoutActivity = try reference(.activities, activity, parameter: "TimeoutActivitySid") }
        changed.updated = time
        self = changed
    }

    /// Moves the workspace's time to `target` (not before its own).
    public mutating func advance(to target: Double) {
        time = max(time, target)
    }

    /// The engine's model of this workspace.
    public func makeWorkspace() -> Workspace {
        Workspace(
            sid: sid, friendlyName: friendlyName, multiTaskEnabled: multiTaskEnabled, template: template,
            prioritizeQueueOrder: prioritizeQueueOrder, defaultActivity: defaultActivity, timeoutActivity: timeoutActivity,
            eventsFilter: eventsFilter.map(Self.eventTypes), activities: activities.map(\.resource),
            taskChannels: taskChannels.map(\.resource), taskQueues: taskQueues.map(\.resource),
            workflows: workflows.map(\.resource.workflow))
    }

    /// The next SID of a kind.
    mutating func issue(_ prefix: SidPrefix) -> String {
        let index = issued[prefix, default: 0]
        issued[prefix] = index + 1
        return sids.sid(prefix, index)
    }

    /// The SID of the `index`-th task, reservation or event the workspace's engine made:
    /// those prefixes are made only here, so they never meet ``issue(_:)``'s.
    public func sid(_ prefix: SidPrefix, _ index: Int) -> String {
        sids.sid(prefix, index)
    }

    /// The generator of ``sid(_:_:)``, for the engine's log to index SIDs with.
    var numberedSids: SidGenerator { sids }

    /// The path of a sub-resource, as 404 messages name it.
    func path(_ kind: TwinResourceKind, _ sid: String? = nil) -> String {
        "/v1/Workspaces/\(self.sid)/\(kind.pathSegment)" + (sid.map { "/" + $0 } ?? "")
    }

    /// The index of the `kind` resource a body parameter names (by SID, or a task channel by
    /// its unique name too); 400 when there is none, where ``index(_:of:)`` gives 404.
    func reference(_ kind: TwinResourceKind, _ sid: String, parameter: String) throws(TwinError) -> Int {
        guard let index = try? index(kind, of: sid) else {
            throw .invalidParameter("Invalid \(parameter): no \(kind.singular) \(sid) in Workspace \(self.sid)")
        }
        return index
    }

    /// A friendly name checked against TaskRouter's limit; an update may not empty it
    /// either (a create's is required, hence not empty).
    static func friendlyName(_ name: String) throws(TwinError) -> String {
        guard !name.isEmpty else { throw .invalidParameter("Invalid FriendlyName: it must not be empty") }
        guard name.count <= nameLimit else {
            throw .invalidParameter("Invalid FriendlyName: at most \(nameLimit) characters, got \(name.count)")
        }
        return name
    }

    /// `EventsFilter` checked: comma-separated TaskRouter event types.
    /// A callback URL checked: an absolute `http` or `https` URL with a host, or empty (none).
    static func callbackURL(_ text: String, parameter: String) throws(TwinError) -> String {
        guard text.isEmpty || URLComponents(string: text).map({ ["http", "https"].contains($0.scheme?.lowercased()) && $0.host?.isEmpty == false }) == true else {
            throw .invalidParameter("Invalid \(parameter): expected an absolute http or https URL (or nothing, to have none), got \"\(text)\"")
        }
        return text
    }

    static func eventsFilter(_ text: String) throws(TwinError) -> String {
        for name in eventTypes(text) where TaskRouterEventType(name: name) == nil {
            throw .invalidParameter("Invalid EventsFilter: \"\(name)\" is not a TaskRouter event type")
        }
        return text
    }

    /// The event type names of an `EventsFilter`, spaces around them ignored.
    static func eventTypes(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
