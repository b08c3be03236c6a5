import RouteSim

/// The JSON shapes of what the live engine makes: tasks, reservations and events.
extension TwinRepresentation {
    /// A Task of `workspace` at simulated time `now`.
    func task(_ task: TwinTask, of workspace: TwinWorkspace, now: Double) -> AttributeValue {
        let workspaceURL = workspaceURL(workspace.sid)
        let sid = workspace.sid(.task, task.number)
        let url = workspaceURL + "/Tasks/" + sid
        let workflow = task.workflow.flatMap { workspace.workflows.indices.contains($0) ? workspace.workflows[$0].resource.workflow : nil }
        let queue = task.queue.flatMap { workspace.taskQueues.indices.contains($0) ? workspace.taskQueues[$0].resource : nil }
        let channel = task.channel.flatMap { workspace.taskChannels.indices.contains($0) ? workspace.taskChannels[$0].resource : nil }
        var links: [String: AttributeValue] = ["workspace": .string(workspaceURL), "reservations": .string(url + "/Reservations")]
        if let workflow { links["workflow"] = .string(workspaceURL + "/Workflows/" + workflow.sid) }
        if let queue { links["task_queue"] = .string(workspaceURL + "/TaskQueues/" + queue.sid) }
        let end = task.status.isLive ? now : task.updated
        return .object([
            "account_sid": .string(accountSid), "workspace_sid": .string(workspace.sid), "sid": .string(sid),
            "url": .string(url), "links": .object(links), "attributes": .string(task.attributes),
            "assignment_status": .string(task.status.rawValue), "priority": .number(Double(task.priority)),
            "reason": optional(task.reason), "age": .number((end - task.created).rounded(.down)),
            "timeout": .number(task.timeout), "date_created": date(task.created), "date_updated": date(task.updated),
            "task_queue_entered_date": task.queueEntered.map(date) ?? .null,
            "task_queue_sid": optional(queue?.sid), "task_queue_friendly_name": optional(queue?.friendlyName),
            "task_channel_sid": optional(channel?.sid), "task_channel_unique_name": optional(channel?.uniqueName),
            "workflow_sid": optional(workflow?.sid), "workflow_friendly_name": optional(workflow?.friendlyName),
            "virtual_start_time": date(task.created), "addons": "{}", "routing_target": .null, "ignore_capacity": .null,
        ])
    }

    /// A Reservation of `workspace`, at the URL under its task or under its worker.
    func reservation(_ reservation: TwinReservation, of workspace: TwinWorkspace, underWorker: Bool) -> AttributeValue {
        let workspaceURL = workspaceURL(workspace.sid)
        let sid = workspace.sid(.reservation, reservation.number)
        let taskSid = workspace.sid(.task, reservation.task)
        let url = underWorker
            ? workspaceURL + "/Workers/" + reservation.workerSid + "/Reservations/" + sid
            : workspaceURL + "/Tasks/" + taskSid + "/Reservations/" + sid
        return .object([
            "account_sid": .string(accountSid), "workspace_sid": .string(workspace.sid), "sid": .string(sid),
            "task_sid": .string(taskSid), "worker_sid": .string(reservation.workerSid),
            "worker_name": .string(reservation.workerName),
            "reservation_status": .string(reservation.status.rawValue), "date_created": date(reservation.created),
            "date_updated": date(reservation.updated), "url": .string(url),
            "links": [
                "task": .string(workspaceURL + "/Tasks/" + taskSid),
                "worker": .string(workspaceURL + "/Workers/" + reservation.workerSid), "workspace": .string(workspaceURL),
            ],
        ])
    }

    /// An Event of `workspace`, numbered as its ``TwinEventLog`` keeps it: one the twin made
    /// for a change of configuration shows what its `subject` captured; an engine's event
    /// shows its resources as `workspace` has them, `tasks` giving the attributes of its task.
    func event(_ event: EventRecord, subject: TwinEventSubject?, of workspace: TwinWorkspace, tasks: [TwinTask]) -> AttributeValue {
        let workspaceURL = workspaceURL(workspace.sid)
        let sid = workspace.sid(.event, event.index)
        let (data, resource) = subject.map {
            ($0.data, (type: event.type.resourceType, sid: $0.sid, url: workspaceURL + $0.path))
        } ?? engineEventData(event, of: workspace, tasks: tasks)
        return .object([
            "account_sid": .string(accountSid), "workspace_sid": .string(workspace.sid), "sid": .string(sid),
            "event_type": .string(event.type.name), "description": .string(event.type.name),
            "event_date": date(event.time), "event_date_ms": .number(clock.epochMilliseconds(at: event.time)),
            "event_data": .object(data), "resource_type": .string(resource.type), "resource_sid": .string(resource.sid),
            "resource_url": .string(resource.url), "actor_sid": .null, "actor_type": .null, "actor_url": .null,
            "source": "routesim", "source_ip_address": .null, "url": .string(workspaceURL + "/Events/" + sid),
        ])
    }

    /// The `event_data` and resource of an event about a task, a reservation or a worker,
    /// read from `workspace` and `tasks` by the event's indexes.
    private func engineEventData(
        _ event: EventRecord, of workspace: TwinWorkspace, tasks: [TwinTask]
    ) -> (data: [String: AttributeValue], resource: (type: String, sid: String, url: String)) {
        let workspaceURL = workspaceURL(workspace.sid)
        let taskNumber = event.task
        let reservationNumber = event.reservation
        var data: [String: AttributeValue] = [:]
        var resource: (type: String, sid: String, url: String)
        if let taskNumber {
            let taskSid = workspace.sid(.task, taskNumber)
            data["task_sid"] = .string(taskSid)
            if tasks.indices.contains(taskNumber) { data["task_attributes"] = .string(tasks[taskNumber].attributes) }
            data["task_age"] = event.taskAge.map { .number($0.rounded(.down)) } ?? .null
            data["task_priority"] = event.taskPriority.map { .number(Double($0)) } ?? .null
            data["task_assignment_status"] = event.taskStatus.map { .string($0.rawValue) } ?? .null
            if let reason = event.reason {
                // The reason the application gave, which the log sets on the task after the
                // engine's event (a task ends once, so the task's reason is this event's).
                let given = tasks.indices.contains(taskNumber) ? tasks[taskNumber].reason : nil
                data[event.type == .taskCompleted ? "task_completed_reason" : "task_canceled_reason"] = .string(given ?? reason.text)
            }
            if let workflow = event.workflow, workspace.workflows.indices.contains(workflow) {
                data["workflow_sid"] = .string(workspace.workflows[workflow].resource.workflow.sid)
                data["workflow_name"] = .string(workspace.workflows[workflow].resource.workflow.friendlyName)
            }
            if let channel = event.channel, workspace.taskChannels.indices.contains(channel) {
                data["task_channel_sid"] = .string(workspace.taskChannels[channel].resource.sid)
                data["task_channel_unique_name"] = .string(workspace.taskChannels[channel].resource.uniqueName)
            }
            resource = ("task", taskSid, workspaceURL + "/Tasks/" + taskSid)
        } else {
            resource = ("worker", "", workspaceURL)
        }
        if let queue = event.queue, workspace.taskQueues.indices.contains(queue) {
            data["task_queue_sid"] = .string(workspace.taskQueues[queue].resource.sid)
            data["task_queue_name"] = .string(workspace.taskQueues[queue].resource.friendlyName)
        }
        if let w = event.worker, workspace.workers.indices.contains(w) {
            let worker = workspace.workers[w].resource
            data["worker_sid"] = .string(worker.sid)
            data["worker_name"] = .string(worker.friendlyName)
            data["worker_attributes"] = .string(worker.attributesText)
            if let activity = event.activity, workspace.activities.indices.contains(activity) {
                data["worker_activity_sid"] = .string(workspace.activities[activity].resource.sid)
                data["worker_activity_name"] = .string(workspace.activities[activity].resource.friendlyName)
            }
            if let previous = event.previousActivity, workspace.activities.indices.contains(previous) {
                data["worker_previous_activity_sid"] = .string(workspace.activities[previous].resource.sid)
                data["worker_time_in_previous_activity"] = event.timeInPreviousActivity.map { .number($0.rounded(.down)) } ?? .null
            }
            if taskNumber == nil { resource = ("worker", worker.sid, workspaceURL + "/Workers/" + worker.sid) }
        }
        if let reservationNumber {
            let reservationSid = workspace.sid(.reservation, reservationNumber)
            data["reservation_sid"] = .string(reservationSid)
            resource = ("reservation", reservationSid, resource.url + "/Reservations/" + reservationSid)
        }
        return (data, resource)
    }
}
