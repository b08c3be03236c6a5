/// The cumulative task and reservation statistics of a set of events
/// (docs/taskrouter-fidelity.md, Statistics): those of one (queue, workflow) pair, or, added up, those of the
/// workspace, one queue or one workflow. Which events reach which counters is decided by
/// ``TaskRouterStatistics``.
///
/// Fixed size: counting and adding never allocate.
struct CumulativeCounters {
    /// `task.created` events (the workspace's `tasks_created`).
    private(set) var tasksCreated = 0
    /// `task-queue.entered` events (a queue's `tasks_entered`).
    private(set) var queueEntries = 0
    /// `workflow.entered` events (a workflow's `tasks_entered`).
    private(set) var workflowEntries = 0
    /// `tasks_canceled`.
    private(set) var tasksCanceled = 0
    /// `tasks_completed`.
    private(set) var tasksCompleted = 0
    /// `tasks_moved`.
    private(set) var tasksMoved = 0
    /// `tasks_timed_out_in_workflow` (printed for the workspace and workflows only).
    private(set) var tasksTimedOutInWorkflow = 0
    /// The `reservations_*` counters.
    private(set) var reservations = ReservationCounters()
    /// `wait_duration_until_accepted`: task creation to acceptance.
    private(set) var untilAccepted = DurationSummary()
    /// `wait_duration_until_canceled`: task creation to cancellation.
    private(set) var untilCanceled = DurationSummary()
    /// `wait_duration_in_queue_until_accepted`: queue entry to acceptance (queues only).
    private(set) var inQueueUntilAccepted = DurationSummary()
    /// `split_by_wait_time`: accepted with wait < threshold.
    private(set) var acceptedBelow = 0
    /// `split_by_wait_time`: accepted with wait >= threshold.
    private(set) var acceptedAbove = 0
    /// `split_by_wait_time`: canceled with wait < threshold.
    private(set) var canceledBelow = 0
    /// `split_by_wait_time`: canceled with wait >= threshold.
    private(set) var canceledAbove = 0

    /// Counts one event of `type`; `wait` is the task's age, `inQueue` its time in its
    /// current queue (acceptances), `threshold` the service level of
    /// `split_by_wait_time`. Types that no counter reads are ignored. Inlined, so that
    /// only one case is left where `type` is a constant.
    @inline(__always)
    mutating func count(_ type: TaskRouterEventType, wait: Double, inQueue: Double, threshold: Double) {
        switch type {
        case .taskCreated:
            tasksCreated += 1
        case .taskQueueEntered:
            queueEntries += 1
        case .workflowEntered:
            workflowEntries += 1
        case .taskCanceled:
            tasksCanceled += 1
            untilCanceled.add(wait)
            if wait < threshold { canceledBelow += 1 } else { canceledAbove += 1 }
        case .taskCompleted:
            tasksCompleted += 1
        case .taskQueueMoved:
            tasksMoved += 1
        case .workflowTimeout:
            tasksTimedOutInWorkflow += 1
        case .reservationAccepted:
            reservations.count(type)
            untilAccepted.add(wait)
            inQueueUntilAccepted.add(inQueue)
            if wait < threshold { acceptedBelow += 1 } else { acceptedAbove += 1 }
        case .reservationCreated, .reservationRejected, .reservationTimeout, .reservationCanceled,
             .reservationRescinded:
            reservations.count(type)
        default:
            break
        }
    }

    /// Adds `other`'s counts to these.
    mutating func add(_ other: CumulativeCounters) {
        tasksCreated += other.tasksCreated
        queueEntries += other.queueEntries
        workflowEntries += other.workflowEntries
        tasksCanceled += other.tasksCanceled
        tasksCompleted += other.tasksCompleted
        tasksMoved += other.tasksMoved
        tasksTimedOutInWorkflow += other.tasksTimedOutInWorkflow
        reservations.add(other.reservations)
        untilAccepted.add(other.untilAccepted)
        untilCanceled.add(other.untilCanceled)
        inQueueUntilAccepted.add(other.inQueueUntilAccepted)
        acceptedBelow += other.acceptedBelow
        acceptedAbove += other.acceptedAbove
        canceledBelow += other.canceledBelow
        canceledAbove += other.canceledAbove
    }

    /// The fields of the document of `kind` (workspace, task queue or workflow) over the
    /// window [`start`, `end`], with `split_by_wait_time` keyed by `thresholdKey`.
    func fields(
        _ kind: StatisticsDocument.Kind, start: Double, end: Double, thresholdKey: String
    ) -> [String: AttributeValue] {
        let entered = kind == .workspace ? tasksCreated : kind == .taskQueue ? queueEntries : workflowEntries
        var fields: [String: AttributeValue] = [
            kind == .workspace ? "tasks_created" : "tasks_entered": .number(Double(entered)),
            "tasks_canceled": .number(Double(tasksCanceled)),
            "tasks_completed": .number(Double(tasksCompleted)),
            "tasks_deleted": 0,
            "tasks_moved": .number(Double(tasksMoved)),
            "avg_task_acceptance_time": .number(untilAccepted.average),
            "wait_duration_until_accepted": .object(untilAccepted.fields),
            "wait_duration_until_canceled": .object(untilCanceled.fields),
            "split_by_wait_time": [thresholdKey: [
                "above": Self.split(accepted: acceptedAbove, canceled: canceledAbove),
                "below": Self.split(accepted: acceptedBelow, canceled: canceledBelow),
            ]],
            "start_time": .number(start),
            "end_time": .number(end),
        ]
        if kind == .taskQueue {
            fields["wait_duration_in_queue_until_accepted"] = .object(inQueueUntilAccepted.fields)
        } else {
            fields["tasks_timed_out_in_workflow"] = .number(Double(tasksTimedOutInWorkflow))
        }
        reservations.write(to: &fields)
        return fields
    }

    /// One side of `split_by_wait_time`: `{reservations_accepted, tasks_canceled}`.
    private static func split(accepted: Int, canceled: Int) -> AttributeValue {
        ["reservations_accepted": .number(Double(accepted)), "tasks_canceled": .number(Double(canceled))]
    }
}
