import RouteSim

/// What the events of configuration changes name (``TwinEventSubject``), taken from the
/// workspace as it is when the event is made.
extension TwinWorkspace {
    /// The `kind` resource at `index`, with the fields TaskRouter's events of its kind carry:
    /// an activity's `activity_sid`, `activity_name` and `activity_available`; a channel's
    /// `task_channel_sid`, `task_channel_name`, `task_channel_unique_name` and
    /// `task_channel_optimized_routing`; a queue's `task_queue_sid`, `task_queue_name` and
    /// `task_queue_target_expression`; a workflow's `workflow_sid` and `workflow_name`; a
    /// worker's `worker_sid`, `worker_name`, `worker_attributes`, `worker_activity_sid` and
    /// `worker_activity_name`.
    func eventSubject(_ kind: TwinResourceKind, at index: Int) -> TwinEventSubject {
        let sid: String
        let data: [String: AttributeValue]
        switch kind {
        case .activities:
            let activity = activities[index].resource
            sid = activity.sid
            data = [
                "activity_sid": .string(sid), "activity_name": .string(activity.friendlyName),
                "activity_available": .bool(activity.available),
            ]
        case .taskChannels:
            let channel = taskChannels[index].resource
            sid = channel.sid
            data = [
                "task_channel_sid": .string(sid), "task_channel_name": .string(channel.friendlyName),
                "task_channel_unique_name": .string(channel.uniqueName),
                "task_channel_optimized_routing": .bool(channel.channelOptimizedRouting),
            ]
        case .taskQueues:
            let queue = taskQueues[index].resource
            sid = queue.sid
            data = [
                "task_queue_sid": .string(sid), "task_queue_name": .string(queue.friendlyName),
                "task_queue_target_expression": .string(queue.targetWorkers.source),
            ]
        case .workflows:
            let workflow = workflows[index].resource.workflow
            sid = workflow.sid
            data = ["workflow_sid": .string(sid), "workflow_name": .string(workflow.friendlyName)]
        case .workers:
            let worker = workers[index].resource
            let activity = activities.indices.contains(worker.activity) ? activities[worker.activity].resource : nil
            sid = worker.sid
            data = [
                "worker_sid": .string(sid), "worker_name": .string(worker.friendlyName),
                "worker_attributes": .string(worker.attributesText),
                "worker_activity_sid": activity.map { .string($0.sid) } ?? .null,
                "worker_activity_name": activity.map { .string($0.friendlyName) } ?? .null,
            ]
        }
        return TwinEventSubject(sid: sid, path: "/" + kind.pathSegment + "/" + sid, data: data)
    }

    /// Worker `worker`, whose channel `channel` changed from `previousCapacity`, with
    /// `assigned` tasks on it: the worker's fields, then the channel's
    /// (`worker_channel_available`, `worker_channel_available_capacity` (the capacity
    /// left), `worker_channel_previous_capacity`, `worker_channel_task_count`,
    /// `task_channel_sid`, `task_channel_unique_name`).
    func eventSubject(worker: Int, channel: Int, previousCapacity: Int, assigned: Int) -> TwinEventSubject {
        let subject = eventSubject(.workers, at: worker)
        let configured = workers[worker].resource.channels[channel].resource
        let taskChannel = taskChannels[channel].resource
        let data = subject.data.merging([
            "worker_channel_available": .bool(configured.available),
            "worker_channel_available_capacity": .number(Double(max(configured.capacity - assigned, 0))),
            "worker_channel_previous_capacity": .number(Double(previousCapacity)),
            "worker_channel_task_count": .number(Double(assigned)),
            "task_channel_sid": .string(taskChannel.sid), "task_channel_unique_name": .string(taskChannel.uniqueName),
        ]) { $1 }
        return TwinEventSubject(sid: subject.sid, path: subject.path, data: data)
    }

    /// The workspace itself (`workspace.updated`): its SID; the event's fields are the base
    /// ones every event has.
    var eventSubject: TwinEventSubject {
        TwinEventSubject(sid: sid, path: "", data: [:])
    }
}
