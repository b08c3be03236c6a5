/// The cumulative task and reservation statistics of a set of events
/// (docs/taskrouter-fidelity.md, Statistics): those of one (queue, workflow) pair, or, added up, those of the
/// workspace, one queue or one workflow. Which events reach which counters is decided by
/// ``TaskRouterStatistics``.
///
/// Fixed size: counting and adding never allocate.
package struct CumulativeCounters {
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
    /// `split_by_wait_time` at the threshold ``count(_:wait:inQueue:threshold:)`` is given.
    private(set) var split = WaitSplit()

    package init() {}

    /// Counts one event of `type`; `wait` is the task's age, `inQueue` its time in its
    /// current queue (acceptances), `threshold` the service level of
    /// `split_by_wait_time`. Types that no counter reads are ignored. Inlined, so that
    /// only one case is left where `type` is a constant.
    @inline(__always)
    package mutating func count(_ type: TaskRouterEventType, wait: Double, inQueue: Double, threshold: Double) {
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
            split.count(type, wait: wait, threshold: threshold)
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
            split.count(type, wait: wait, threshold: threshold)
        case .reservationCreated, .reservationRejected, .reservationTimeout, .reservationCanceled,
             .reservationRescinded:
            reservations.count(type)
        default:
            break
        }
    }

    /// Adds `other`'s counts to these.
    package mutating func add(_ other: CumulativeCounters) {
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
        split.add(other.split)
    }

    /// The fields of the document of `kind` (workspace, task queue or workflow) over the
    /// window from `start` to `end` (written as given: seconds in a run's documents, dates
    /// in the twin's), with `split_by_wait_time` from `splits` by threshold key (null when
    /// there is none).
    package func fields(
        _ kind: StatisticsDocument.Kind, start: AttributeValue, end: AttributeValue, splits: [String: WaitSplit]
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
            "split_by_wait_time": splits.isEmpty ? .null : .object(splits.mapValues(\.document)),
            "start_time": start,
            "end_time": end,
        ]
        if kind == .taskQueue {
            fields["wait_duration_in_queue_until_accepted"] = .object(inQueueUntilAccepted.fields)
        } else {
            fields["tasks_timed_out_in_workflow"] = .number(Double(tasksTimedOutInWorkflow))
        }
        reservations.write(to: &fields)
        return fields
    }
}
