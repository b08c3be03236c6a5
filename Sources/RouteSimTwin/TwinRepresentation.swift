import RouteSim

/// The JSON shape of every resource the twin serves: TaskRouter's property names, formats
/// and links, with URLs on this server.
///
/// The one place that knows the API's field names; handlers and the account only pass the
/// documents on.
public struct TwinRepresentation: Sendable {
    /// `http://host:port` of this server, as the request reached it; no trailing slash.
    public let baseURL: String
    /// `account_sid`.
    public let accountSid: String
    /// The clock that turns simulated times into dates.
    public let clock: TwinClock

    public init(baseURL: String, accountSid: String, clock: TwinClock) {
        self.baseURL = baseURL
        self.accountSid = accountSid
        self.clock = clock
    }

    /// A Workspace.
    public func workspace(_ workspace: TwinWorkspace) -> AttributeValue {
        let url = workspaceURL(workspace.sid)
        let defaultActivity = workspace.activities[workspace.defaultActivity].resource
        let timeoutActivity = workspace.activities[workspace.timeoutActivity].resource
        var links: [String: AttributeValue] = [:]
        for (key, segment) in [
            ("activities", "Activities"), ("task_channels", "TaskChannels"), ("task_queues", "TaskQueues"), ("tasks", "Tasks"),
            ("workers", "Workers"), ("workflows", "Workflows"), ("events", "Events"), ("statistics", "Statistics"),
            ("real_time_statistics", "RealTimeStatistics"), ("cumulative_statistics", "CumulativeStatistics"),
        ] {
            links[key] = .string(url + "/" + segment)
        }
        return .object([
            "account_sid": .string(accountSid), "sid": .string(workspace.sid), "friendly_name": .string(workspace.friendlyName),
            "date_created": date(workspace.created), "date_updated": date(workspace.updated),
            "default_activity_sid": .string(defaultActivity.sid), "default_activity_name": .string(defaultActivity.friendlyName),
            "timeout_activity_sid": .string(timeoutActivity.sid), "timeout_activity_name": .string(timeoutActivity.friendlyName),
            "event_callback_url": optional(workspace.eventCallbackUrl), "events_filter": optional(workspace.eventsFilter),
            "multi_task_enabled": .bool(workspace.multiTaskEnabled),
            "prioritize_queue_order": .string(workspace.prioritizeQueueOrder.rawValue),
            "url": .string(url), "links": .object(links),
        ])
    }

    /// The `kind` resource at `index` of `workspace`.
    public func resource(_ kind: TwinResourceKind, at index: Int, of workspace: TwinWorkspace) -> AttributeValue {
        let workspaceURL = workspaceURL(workspace.sid)
        var fields: [String: AttributeValue] = ["account_sid": .string(accountSid), "workspace_sid": .string(workspace.sid)]
        let url: String
        switch kind {
        case .activities:
            let record = workspace.activities[index]
            url = workspaceURL + "/Activities/" + record.resource.sid
            fields.merge(dated(record)) { $1 }
            fields["sid"] = .string(record.resource.sid)
            fields["friendly_name"] = .string(record.resource.friendlyName)
            fields["available"] = .bool(record.resource.available)
            fields["links"] = ["workspace": .string(workspaceURL)]
        case .taskChannels:
            let record = workspace.taskChannels[index]
            url = workspaceURL + "/TaskChannels/" + record.resource.sid
            fields.merge(dated(record)) { $1 }
            fields["sid"] = .string(record.resource.sid)
            fields["unique_name"] = .string(record.resource.uniqueName)
            fields["friendly_name"] = .string(record.resource.friendlyName)
            fields["channel_optimized_routing"] = .bool(record.resource.channelOptimizedRouting)
            fields["links"] = ["workspace": .string(workspaceURL)]
        case .taskQueues:
            let record = workspace.taskQueues[index]
            let queue = record.resource
            url = workspaceURL + "/TaskQueues/" + queue.sid
            fields.merge(dated(record)) { $1 }
            fields["sid"] = .string(queue.sid)
            fields["friendly_name"] = .string(queue.friendlyName)
            fields["target_workers"] = .string(queue.targetWorkers.source)
            fields["task_order"] = .string(queue.taskOrder.rawValue)
            fields["max_reserved_workers"] = .number(Double(queue.maxReservedWorkers))
            let reservation = queue.reservationActivity.map { workspace.activities[$0].resource }
            let assignment = queue.assignmentActivity.map { workspace.activities[$0].resource }
            fields["reservation_activity_sid"] = optional(reservation?.sid)
            fields["reservation_activity_name"] = optional(reservation?.friendlyName)
            fields["assignment_activity_sid"] = optional(assignment?.sid)
            fields["assignment_activity_name"] = optional(assignment?.friendlyName)
            var links: [String: AttributeValue] = [
                "workspace": .string(workspaceURL), "statistics": .string(url + "/Statistics"),
                "real_time_statistics": .string(url + "/RealTimeStatistics"),
                "cumulative_statistics": .string(url + "/CumulativeStatistics"),
                "list_statistics": .string(workspaceURL + "/TaskQueues/Statistics"),
                "bulk_real_time_statistics": .string(workspaceURL + "/TaskQueues/RealTimeStatistics"),
            ]
            if let reservation { links["reservation_activity"] = .string(workspaceURL + "/Activities/" + reservation.sid) }
            if let assignment { links["assignment_activity"] = .string(workspaceURL + "/Activities/" + assignment.sid) }
            fields["links"] = .object(links)
        case .workflows:
            let record = workspace.workflows[index]
            let workflow = record.resource
            url = workspaceURL + "/Workflows/" + workflow.workflow.sid
            fields.merge(dated(record)) { $1 }
            fields["sid"] = .string(workflow.workflow.sid)
            fields["friendly_name"] = .string(workflow.workflow.friendlyName)
            fields["configuration"] = .string(workflow.configuration)
            fields["document_content_type"] = "application/json"
            fields["task_reservation_timeout"] = .number(workflow.workflow.taskReservationTimeout)
            fields["assignment_callback_url"] = optional(workflow.assignmentCallbackUrl)
            fields["fallback_assignment_callback_url"] = optional(workflow.fallbackAssignmentCallbackUrl)
            fields["links"] = [
                "statistics": .string(url + "/Statistics"), "real_time_statistics": .string(url + "/RealTimeStatistics"),
                "cumulative_statistics": .string(url + "/CumulativeStatistics"),
            ]
        case .workers:
            let record = workspace.workers[index]
            let worker = record.resource
            let activity = workspace.activities[worker.activity].resource
            url = workspaceURL + "/Workers/" + worker.sid
            fields.merge(dated(record)) { $1 }
            fields["sid"] = .string(worker.sid)
            fields["friendly_name"] = .string(worker.friendlyName)
            fields["attributes"] = .string(worker.attributesText)
            fields["activity_sid"] = .string(activity.sid)
            fields["activity_name"] = .string(activity.friendlyName)
            fields["available"] = .bool(activity.available)
            fields["date_status_changed"] = date(worker.statusChanged)
            fields["links"] = [
                "channels": .string(url + "/Channels"), "reservations": .string(url + "/Reservations"),
                "activity": .string(workspaceURL + "/Activities/" + activity.sid), "workspace": .string(workspaceURL),
            ]
        }
        fields["url"] = .string(url)
        return .object(fields)
    }

    /// Worker `worker`'s channel at `index` (aligned with the workspace's task channels),
    /// with `assigned` tasks on it: `available_capacity_percentage` is the share of its
    /// capacity they leave, in whole percent (0 without capacity).
    public func workerChannel(ofWorker worker: Int, at index: Int, of workspace: TwinWorkspace, assigned: Int) -> AttributeValue {
        let owner = workspace.workers[worker].resource
        let record = owner.channels[index]
        let channel = workspace.taskChannels[index].resource
        var fields = dated(record)
        fields["account_sid"] = .string(accountSid)
        fields["workspace_sid"] = .string(workspace.sid)
        fields["worker_sid"] = .string(owner.sid)
        fields["sid"] = .string(record.resource.sid)
        fields["task_channel_sid"] = .string(channel.sid)
        fields["task_channel_unique_name"] = .string(channel.uniqueName)
        fields["configured_capacity"] = .number(Double(record.resource.capacity))
        fields["available"] = .bool(record.resource.available)
        let capacity = record.resource.capacity
        fields["assigned_tasks"] = .number(Double(assigned))
        fields["available_capacity_percentage"] = .number(capacity > 0 ? Double(max(0, capacity - assigned) * 100 / capacity) : 0)
        fields["url"] = .string(workspaceURL(workspace.sid) + "/Workers/" + owner.sid + "/Channels/" + record.resource.sid)
        return .object(fields)
    }

    /// `GET /routesim/v1/Clock`: `{"time": seconds, "date": ISO 8601, "mode": "manual" or
    /// "realtime", "speed": simulated seconds per second, null in manual mode}`.
    public func clockDocument() -> AttributeValue {
        let (mode, speed): (String, AttributeValue) = switch clock.mode {
        case .manual: ("manual", .null)
        case .realtime(let speed): ("realtime", .number(speed))
        }
        return ["time": .number(clock.time), "date": .string(clock.date(at: clock.time)), "mode": .string(mode), "speed": speed]
    }

    /// The URL of a workspace.
    func workspaceURL(_ sid: String) -> String {
        baseURL + "/v1/Workspaces/" + sid
    }

    /// `date_created` and `date_updated` of a record.
    func dated<Resource>(_ record: TwinRecord<Resource>) -> [String: AttributeValue] {
        ["date_created": date(record.created), "date_updated": date(record.updated)]
    }

    /// A simulated time as a TaskRouter date.
    func date(_ time: Double) -> AttributeValue {
        .string(clock.date(at: time))
    }

    /// A string, or null.
    func optional(_ text: String?) -> AttributeValue {
        text.map(AttributeValue.string) ?? .null
    }
}
