import RouteSim

/// One `events` row: a TaskRouter event as the Event resource shows it, with the
/// resource it is about, a description and `event_data` in TaskRouter's snake_case names
/// (docs/taskrouter-fidelity.md, Events).
struct EventRow {
    var sid: String
    var resourceType: String
    var resourceSid: String
    var description: String
    /// `event_data` as compact JSON, keys sorted.
    var data: String

    /// Describes `event` with the run's `labels`; task and reservation SIDs from `sids`.
    init(_ event: EventRecord, labels: RunLabels, sids: SidGenerator) {
        self.sid = sids.sid(.event, event.index)
        var data: [String: AttributeValue] = [
            "workspace_sid": .string(labels.workspaceSid), "workspace_name": .string(labels.workspaceName),
        ]
        let taskSid = event.task.map { sids.sid(.task, $0) }
        if let task = event.task, let taskSid {
            data["task_sid"] = .string(taskSid)
            data["task_age"] = event.taskAge.map { .number($0.rounded(.down)) } ?? .null
            data["task_priority"] = event.taskPriority.map { .number(Double($0)) } ?? .null
            data["task_assignment_status"] = event.taskStatus.map { .string($0.rawValue) } ?? .null
            data["task_attributes"] = event.profile.map { .string(labels.taskAttributes[$0]) } ?? .null
            data["task_index"] = .number(Double(task))
        }
        if let queue = event.queue {
            data["task_queue_sid"] = .string(labels.queueSids[queue])
            data["task_queue_name"] = .string(labels.queues[queue])
        }
        if let workflow = event.workflow {
            data["workflow_sid"] = .string(labels.workflowSids[workflow])
            data["workflow_name"] = .string(labels.workflows[workflow])
        }
        if let reason = event.reason {
            data[event.type == .taskCompleted ? "task_completed_reason" : "task_canceled_reason"] = .string(reason.text)
        }
        let reservationSid = event.reservation.map { sids.sid(.reservation, $0) }
        if let reservationSid { data["reservation_sid"] = .string(reservationSid) }
        if let worker = event.worker {
            data["worker_sid"] = .string(labels.workerSids[worker])
            data["worker_name"] = .string(labels.workerNames[worker])
        }
        if let activity = event.activity {
            data["worker_activity_sid"] = .string(labels.activitySids[activity])
            data["worker_activity_name"] = .string(labels.activities[activity])
        }
        if let previous = event.previousActivity, let seconds = event.timeInPreviousActivity {
            data["worker_previous_activity_sid"] = .string(labels.activitySids[previous])
            data["worker_previous_activity_name"] = .string(labels.activities[previous])
            data["worker_time_in_previous_activity"] = .number(seconds.rounded(.down))
            data["worker_time_in_previous_activity_ms"] = .number((seconds * 1000).rounded(.down))
        }
        self.data = AttributeValue.object(data).jsonText
        resourceType = event.type.resourceType
        switch resourceType {
        case "reservation": resourceSid = reservationSid ?? ""
        case "worker": resourceSid = event.worker.map { labels.workerSids[$0] } ?? ""
        case "taskqueue": resourceSid = event.queue.map { labels.queueSids[$0] } ?? ""
        case "workflow": resourceSid = event.workflow.map { labels.workflowSids[$0] } ?? ""
        default: resourceSid = taskSid ?? ""
        }
        description = Self.describe(event, labels: labels, taskSid: taskSid ?? "", reservationSid: reservationSid ?? "")
    }

    /// A sentence like the Event resource's `description`.
    private static func describe(_ event: EventRecord, labels: RunLabels, taskSid: String, reservationSid: String) -> String {
        let worker = event.worker.map { labels.workerNames[$0] } ?? ""
        let queue = event.queue.map { labels.queues[$0] } ?? ""
        switch event.type {
        case .workerActivityUpdate:
            return "Worker \(worker) updated to \(event.activity.map { labels.activities[$0] } ?? "") Activity"
        case .reservationCreated, .reservationAccepted, .reservationRejected, .reservationTimeout,
             .reservationCanceled, .reservationRescinded, .reservationCompleted, .reservationWrapup:
            let verb = event.type.name.split(separator: ".").last.map(String.init) ?? ""
            return "Reservation \(reservationSid) for task \(taskSid) and worker \(worker): \(verb)"
        case .taskQueueEntered:
            return "Task \(taskSid) entered TaskQueue \(queue)"
        case .taskQueueMoved:
            return "Task \(taskSid) moved out of TaskQueue \(queue)"
        case .taskQueueTimeout:
            return "Task \(taskSid) timed out of TaskQueue \(queue)"
        default:
            return "Task \(taskSid): \(event.type.name)" + (event.reason.map { " (\($0.text))" } ?? "")
        }
    }
}
