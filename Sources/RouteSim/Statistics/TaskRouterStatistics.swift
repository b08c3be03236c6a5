/// TaskRouter's statistics (docs/taskrouter-fidelity.md, Statistics) rebuilt from the run's own event stream:
/// real-time snapshots of the workspace, each queue and each workflow at every interval
/// boundary, and cumulative documents of the workspace, queues, workflows and workers.
///
/// The engine feeds it a ``StatisticsEvent`` for every event of the types ``reads(_:)``
/// names, whether or not events are recorded. Per-task state lives in the engine's task
/// slot and is dropped when the task ends, so memory follows the tasks in flight; the rest
/// is fixed by the numbers of queues, workflows, workers and activities.
///
/// **Cumulative** documents count the events with time in [warm-up, end of run]; a wait
/// counts when its acceptance or cancellation does, from the task's creation even if that
/// was before the warm-up. Each event counts for the workspace, for *the event's queue*
/// (reservation events: the queue the reservation was made from; `task-queue.moved`: the
/// queue left; task events: the task's current queue, none before its first) and for
/// *the task's workflow*. It is counted once, in the cell of its (queue, workflow) pair;
/// the documents add the cells up:
/// - `tasks_created` (workspace): `task.created`; `tasks_entered`: `task-queue.entered`
///   (queue), `workflow.entered` (workflow);
/// - `tasks_canceled` and `wait_duration_until_canceled`: `task.canceled` (every reason);
///   `tasks_completed`: `task.completed`; `tasks_moved`: `task-queue.moved`;
/// - `tasks_timed_out_in_workflow` (workspace, workflow): `workflow.timeout`;
/// - `reservations_*`: the six reservation events; `reservation.accepted` also gives
///   `avg_task_acceptance_time`, `wait_duration_until_accepted` and (queues)
///   `wait_duration_in_queue_until_accepted`;
/// - `split_by_wait_time`, keyed by the scenario's service-level threshold: accepted and
///   canceled tasks by wait from creation, `below` when wait < threshold;
/// - `tasks_deleted`: always 0 (the engine never deletes tasks).
/// Each worker counts its own reservation events and, per activity, the spans it spent
/// in it clipped to the window (from its first activity and `worker.activity.update`
/// events to the end of the run; empty spans are left out).
///
/// **Real-time** snapshots are taken at k x interval for k = 1, 2, ... while
/// k x interval <= horizon, over the state after every event with time < the boundary.
/// A task is `pending` from `workflow.entered`, `reserved` from `reservation.created`,
/// `assigned` from `reservation.accepted`, `wrapping` from `task.wrapup`, back to
/// `pending` when its last live reservation ends without acceptance, and gone at
/// `task.completed`/`task.canceled`; its queue is the last `task-queue.entered`, its
/// priority the latest `workflow.entered`, `workflow.target-matched` or
/// `task-queue.entered` carried (a target's priority applies as the task reaches it).
package struct TaskRouterStatistics {
    /// Start of the cumulative window (s).
    let warmup: Double
    /// Last instant a snapshot may be taken at (s).
    let horizon: Double
    /// Spacing of the real-time snapshots (s).
    let interval: Double
    /// The service-level threshold of `split_by_wait_time` (s).
    let threshold: Double
    /// The workspace: names and SIDs of it, its queues, workflows and activities.
    private(set) var workspace: Workspace
    /// The workers, in engine order.
    private(set) var workers: [Worker]
    /// Makes task SIDs.
    let sids: SidGenerator
    /// Per queue, the worker groups that are its members, ascending.
    private(set) var queueGroups: [[Int]]
    /// The number of activities.
    let activityCount: Int
    /// The number of worker groups.
    private(set) var groupCount: Int
    /// The number of workflows (the width of a row of ``cells``).
    private(set) var workflowCount: Int

    /// Per task slot of the engine, the task's state.
    private(set) var tasks: [StatisticsTask] = []
    /// Cumulative counters per (queue, workflow) pair, at `(queue + 1) * workflowCount +
    /// workflow`; queue -1 (the first row) holds the events of tasks in no queue.
    private(set) var cells: [CumulativeCounters]
    /// Per worker, its reservation counters.
    private(set) var workerReservations: [ReservationCounters]
    /// Per worker, its current activity.
    private var workerActivity: [Int32]
    /// Per worker, when it entered its current activity (s).
    private var workerActivitySince: [Double]
    /// Per worker and activity (`worker * activityCount + activity`): the spans spent in it.
    private(set) var activityDurations: [DurationSummary]
    /// Per worker group and activity (`group * activityCount + activity`): workers in it now.
    private(set) var groupActivityWorkers: [Int]
    /// Snapshots taken so far.
    private var snapshotCount = 0
    /// Time of the next snapshot; infinity when none is left.
    private var nextSnapshot: Double
    /// The snapshot documents taken so far, in time order.
    private var snapshots: [StatisticsDocument] = []

    /// Prepares the statistics of a run of `spec` whose workers are `workers` and whose
    /// groups belong to the queues `memberQueues` (``RoutingTable/memberQueues``). Workers
    /// start in their shift plan's activity at time 0, as the engine puts them.
    init(spec: SimulationSpec, workers: [Worker], memberQueues: GroupLists) {
        let workspace = spec.workspace
        warmup = spec.warmup
        horizon = spec.horizon
        interval = spec.interval
        threshold = spec.serviceLevel
        self.workspace = workspace
        self.workers = workers
        sids = SidGenerator(seed: spec.seed)
        activityCount = workspace.activities.count
        groupCount = spec.workerGroups.count
        workflowCount = workspace.workflows.count
        queueGroups = workspace.taskQueues.indices.map { q in
            spec.workerGroups.indices.filter { g in
                memberQueues.range(group: Int32(g)).contains { memberQueues[$0] == Int32(q) }
            }
        }
        cells = Array(repeating: CumulativeCounters(), count: (1 + workspace.taskQueues.count) * workflowCount)
        workerReservations = Array(repeating: ReservationCounters(), count: workers.count)
        let off = workspace.defaultActivity
        let firstActivity = spec.workerGroups.map {
            Int32(Simulation.firstActivity(of: $0, offActivity: off))
        }
        workerActivity = workers.map { firstActivity[$0.group] }
        workerActivitySince = Array(repeating: 0, count: workers.count)
        activityDurations = Array(repeating: DurationSummary(), count: workers.count * activityCount)
        groupActivityWorkers = Array(repeating: 0, count: spec.workerGroups.count * activityCount)
        for (g, group) in spec.workerGroups.enumerated() {
            groupActivityWorkers[g * activityCount + Int(firstActivity[g])] += group.count
        }
        nextSnapshot = spec.interval > 0 && spec.interval <= spec.horizon ? spec.interval : .infinity
    }

    /// Counts worker `worker`, added at `time` in `activity` as the only worker of a new
    /// group that is a member of `queues` (a worker created while the engine runs).
    /// O(activities + queues).
    mutating func addWorker(_ worker: Worker, activity: Int32, at time: Double, queues: [Int32]) {
        for q in queues { queueGroups[Int(q)].append(groupCount) }
        workers.append(worker)
        workerReservations.append(ReservationCounters())
        workerActivity.append(activity)
        workerActivitySince.append(time)
        activityDurations += repeatElement(DurationSummary(), count: activityCount)
        groupActivityWorkers += repeatElement(0, count: activityCount)
        groupActivityWorkers[groupCount * activityCount + Int(activity)] = 1
        groupCount += 1
    }

    /// Counts `queue`, created while the engine runs, as the last one, its members
    /// `groups` (ascending). O(workflows).
    mutating func addQueue(_ queue: TaskQueue, members groups: [Int]) {
        workspace.taskQueues.append(queue)
        queueGroups.append(groups)
        cells += repeatElement(CumulativeCounters(), count: workflowCount)
    }

    /// Makes `groups` (ascending) the member groups of queue `q`: its `target_workers` or
    /// a member's attributes changed while the engine runs. O(groups).
    mutating func setMembers(ofQueue q: Int, _ groups: [Int]) {
        queueGroups[q] = groups
    }

    /// Counts workflow `workflow`, created while the engine runs, as the last one.
    /// O(queues x workflows).
    mutating func addWorkflow(_ workflow: Workflow) {
        workspace.workflows.append(workflow)
        var wider = Array(repeating: CumulativeCounters(), count: (1 + workspace.taskQueues.count) * (workflowCount + 1))
        for c in cells.indices { wider[c / workflowCount * (workflowCount + 1) + c % workflowCount] = cells[c] }
        cells = wider
        workflowCount += 1
    }

    /// Whether the statistics read events of `type` (the engine feeds those always).
    /// Inlined, so that it folds away where `type` is a constant.
    @inline(__always)
    static func reads(_ type: TaskRouterEventType) -> Bool {
        switch type {
        case .workflowEntered, .workflowTargetMatched, .workflowTimeout, .taskQueueEntered, .taskQueueMoved,
             .taskCreated, .taskCanceled, .taskWrapup, .taskCompleted,
             .reservationCreated, .reservationAccepted, .reservationRejected, .reservationTimeout,
             .reservationCanceled, .reservationRescinded, .workerActivityUpdate:
            return true
        default:
            return false
        }
    }

    /// Takes in one event; `slot` is the engine's slot of the event's task (-1 for worker
    /// events). Events come in time order. O(1) except when a snapshot boundary is passed.
    ///
    /// Always inlined: the engine calls it with a constant type, so only that type's case
    /// is left at each call site and the event's unused fields are never built.
    @inline(__always)
    mutating func record(_ event: StatisticsEvent, slot: Int) {
        if event.time >= nextSnapshot { takeSnapshots(through: event.time) }
        var inQueue: Double = 0
        switch event.type {
        case .workflowEntered:
            if slot >= tasks.count { addSlots(through: slot) }
            tasks[slot] = StatisticsTask(
                ordinal: event.task, createdAt: event.time - event.taskAge, workflow: event.workflow,
                priority: event.taskPriority)
        case .workflowTargetMatched:
            tasks[slot].priority = event.taskPriority
            return
        case .taskQueueEntered:
            tasks[slot].enter(event.queue, at: event.time, priority: event.taskPriority)
        case .taskCompleted, .taskCanceled:
            tasks[slot].ordinal = -1
        case .taskWrapup:
            tasks[slot].status = .wrapping
            return
        case .reservationCreated:
            tasks[slot].reserve()
        case .reservationAccepted:
            inQueue = tasks[slot].accept(at: event.time)
        case .reservationRejected, .reservationTimeout, .reservationCanceled, .reservationRescinded:
            tasks[slot].endReservation(ofTask: event.task)
        case .workerActivityUpdate:
            moveWorker(Int(event.worker), to: event.activity, at: event.time)
            return
        default:
            break
        }
        guard event.time >= warmup, event.workflow >= 0 else { return }
        if event.isReservation { workerReservations[Int(event.worker)].count(event.type) }
        cells[(Int(event.queue) + 1) * workflowCount + Int(event.workflow)]
            .count(event.type, wait: event.taskAge, inQueue: inQueue, threshold: threshold)
    }

    /// Adds empty task slots up to `slot` (the engine's slots grow with the tasks in flight).
    private mutating func addSlots(through slot: Int) {
        tasks += repeatElement(StatisticsTask(), count: slot + 1 - tasks.count)
    }

    /// Worker `w` moves to `activity` at `time`: its span in the previous one closes.
    private mutating func moveWorker(_ w: Int, to activity: Int32, at time: Double) {
        closeSpan(of: w, at: time)
        let group = workers[w].group
        groupActivityWorkers[group * activityCount + Int(workerActivity[w])] -= 1
        groupActivityWorkers[group * activityCount + Int(activity)] += 1
        workerActivity[w] = activity
        workerActivitySince[w] = time
    }

    /// Adds worker `w`'s span in its current activity up to `time`, clipped to start at
    /// the warm-up; nothing when that leaves it empty.
    private mutating func closeSpan(of w: Int, at time: Double) {
        let seconds = time - max(workerActivitySince[w], warmup)
        if seconds > 0 { activityDurations[w * activityCount + Int(workerActivity[w])].add(seconds) }
    }

    /// Takes every snapshot due at or before `time` (each over the events before it).
    /// Kept out of line: it runs once per interval, and ``record(_:slot:)`` is inlined
    /// at every call site.
    @inline(never)
    private mutating func takeSnapshots(through time: Double) {
        while nextSnapshot <= time {
            snapshots += snapshotDocuments(at: nextSnapshot)
            snapshotCount += 1
            let next = Double(snapshotCount + 1) * interval
            nextSnapshot = next <= horizon ? next : .infinity
        }
    }

    /// Ends the run at `end`: takes the snapshots still due, closes every worker's span,
    /// and returns every document: the snapshots in time order (workspace, queues,
    /// workflows), then the cumulative documents (workspace, queues, workflows, workers).
    mutating func finish(at end: Double) -> [StatisticsDocument] {
        takeSnapshots(through: horizon)
        for w in workers.indices { closeSpan(of: w, at: end) }
        return snapshots + cumulativeDocuments(end: end)
    }
}
