/// Every event type TaskRouter documents (docs/taskrouter-fidelity.md, Events), by its wire name.
///
/// The raw value is a dense index (for per-type tables such as the `events_filter`
/// mask); ``name`` is TaskRouter's `event_type`. The engine emits the routing events of
/// tasks, reservations, queues, workflows and worker activity; `routesim serve` makes
/// those of resources created, updated and deleted through its API (docs/twin.md, Events);
/// the others (transfers, `workspace.created`, …) exist so that an `events_filter` naming
/// them is valid.
public enum TaskRouterEventType: Int, Sendable, CaseIterable, BitwiseCopyable {
    case activityCreated, activityUpdated, activityDeleted
    case reservationCreated, reservationAccepted, reservationRejected, reservationTimeout, reservationCanceled
    case reservationRescinded, reservationCompleted, reservationWrapup, reservationFailed
    case taskCreated, taskUpdated, taskCanceled, taskWrapup, taskCompleted, taskDeleted, taskSystemDeleted
    case taskTransferInitiated, taskTransferAttemptFailed, taskTransferFailed, taskTransferCanceled, taskTransferCompleted
    case taskChannelCreated, taskChannelUpdated, taskChannelDeleted
    case taskQueueCreated, taskQueueDeleted, taskQueueExpressionUpdated, taskQueueEntered, taskQueueTimeout, taskQueueMoved
    case workerCreated, workerActivityUpdate, workerAttributesUpdate, workerCapacityUpdate
    case workerChannelAvailabilityUpdate, workerDeleted
    case workflowCreated, workflowUpdated, workflowDeleted, workflowEntered, workflowTargetMatched, workflowTimeout
    case workflowSkipped
    case workspaceCreated, workspaceUpdated, workspaceDeleted

    /// TaskRouter's `event_type`, e.g. `reservation.created`.
    public var name: String { Self.names[rawValue] }

    /// The resource an event of this type is about (`resource_type`).
    public var resourceType: String {
        let prefix = name.prefix { $0 != "." }
        switch prefix {
        case "task-queue": return "taskqueue"
        case "task-channel": return "taskchannel"
        default: return String(prefix)
        }
    }

    /// The type with this wire name, if TaskRouter has one. O(types).
    public init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: index)
    }

    private static let names = [
        "activity.created", "activity.updated", "activity.deleted",
        "reservation.created", "reservation.accepted", "reservation.rejected", "reservation.timeout",
        "reservation.canceled", "reservation.rescinded", "reservation.completed", "reservation.wrapup",
        "reservation.failed",
        "task.created", "task.updated", "task.canceled", "task.wrapup", "task.completed", "task.deleted",
        "task.system-deleted", "task.transfer-initiated", "task.transfer-attempt-failed", "task.transfer-failed",
        "task.transfer-canceled", "task.transfer-completed",
        "task-channel.created", "task-channel.updated", "task-channel.deleted",
        "task-queue.created", "task-queue.deleted", "task-queue.expression.updated", "task-queue.entered",
        "task-queue.timeout", "task-queue.moved",
        "worker.created", "worker.activity.update", "worker.attributes.update", "worker.capacity.update",
        "worker.channel.availability.update", "worker.deleted",
        "workflow.created", "workflow.updated", "workflow.deleted", "workflow.entered", "workflow.target-matched",
        "workflow.timeout", "workflow.skipped",
        "workspace.created", "workspace.updated", "workspace.deleted",
    ]
}
