import RouteSim

/// The cumulative statistics of one window, counted from a workspace's kept event log by
/// the rules of a run's (``TaskRouterStatistics``): each event with time in [from, to]
/// counts once, in the cell of its (queue, workflow) pair, and each worker counts its own
/// reservation events and its time per activity clipped to the window. The log names
/// resources by their current indexes (``TwinHistory/renumber(_:)``); an event whose queue
/// or workflow was deleted since counts for the workspace alone, and a deleted worker's
/// time for no one.
///
/// A wait counts when its acceptance or cancellation does, from the task's creation even
/// if that was before the window. A `TaskChannel` keeps the task and reservation events of
/// that channel's tasks; activity time is the worker's whatever the channel. One pass over
/// the log: O(kept events + workers x activities + cells x thresholds).
struct TwinCumulativeStatistics {
    /// The number of workflows, and one for none (the width of a row of ``cells``).
    private let columns: Int
    /// The `SplitByWaitTime` thresholds (s).
    let thresholds: [Double]
    /// Counters per (queue, workflow) pair at `(queue + 1) * columns + workflow + 1`; queue
    /// -1 (the first row) holds the events of tasks in no queue (yet, or any more: deleted),
    /// workflow -1 (the first column) those of a deleted workflow's tasks.
    private var cells: [CumulativeCounters]
    /// Per cell and threshold (`cell * thresholds.count + t`): `split_by_wait_time`.
    private var splits: [WaitSplit]
    /// Per worker (the workspace's order): its reservation counters.
    private(set) var workerReservations: [ReservationCounters]
    /// Per worker and activity (`worker * activityCount + activity`): its spans in it.
    private(set) var activityDurations: [DurationSummary]
    /// The number of activities.
    let activityCount: Int

    /// Counts `log`'s events of `workspace` in `query`'s window, at `now`.
    ///
    /// A worker's time in an activity comes from the `worker.activity.update` events (each
    /// closes a span of `time_in_previous_activity` in the previous activity) and its
    /// current span since `date_status_changed`; those events are read as the engine numbers
    /// workers, the workspace's order. Reservations count for their worker by SID.
    init(log: TwinEventLog, workspace: TwinWorkspace, query: TwinStatisticsQuery, now: Double) {
        columns = workspace.workflows.count + 1
        thresholds = query.thresholds
        activityCount = workspace.activities.count
        let cellCount = (1 + workspace.taskQueues.count) * columns
        cells = Array(repeating: CumulativeCounters(), count: cellCount)
        splits = Array(repeating: WaitSplit(), count: cellCount * thresholds.count)
        workerReservations = Array(repeating: ReservationCounters(), count: workspace.workers.count)
        activityDurations = Array(repeating: DurationSummary(), count: workspace.workers.count * activityCount)
        let (from, to) = (query.from, query.to)
        // Reservations name their worker by SID, which stays right when workers are renumbered.
        let workerIndex = Dictionary(
            workspace.workers.indices.map { (workspace.workers[$0].resource.sid, $0) }) { first, _ in first }
        // When each task entered its queue, as the log has told so far.
        var queueEntered: [Int: Double] = [:]
        for event in log.events {
            if event.type == .workerActivityUpdate {
                if let w = event.worker, let previous = event.previousActivity, let seconds = event.timeInPreviousActivity {
                    addSpan(worker: w, activity: previous, from: event.time - seconds, to: event.time, window: (from, to))
                }
                continue
            }
            guard let task = event.task else { continue }
            if event.type == .taskQueueEntered { queueEntered[task] = event.time }
            guard event.time >= from, event.time <= to, query.channel.map({ $0 == event.channel }) ?? true
            else { continue }
            let wait = event.taskAge ?? 0
            var inQueue: Double = 0
            if event.type == .reservationAccepted {
                let record = log.tasks[task]
                inQueue = event.time - (queueEntered[task] ?? record.queueEntered ?? record.created)
            }
            let cell = ((event.queue ?? -1) + 1) * columns + (event.workflow ?? -1) + 1
            guard cells.indices.contains(cell) else { continue }
            cells[cell].count(event.type, wait: wait, inQueue: inQueue, threshold: .infinity)
            for (t, threshold) in thresholds.enumerated() {
                splits[cell * thresholds.count + t].count(event.type, wait: wait, threshold: threshold)
            }
            if let reservation = event.reservation, let w = workerIndex[log.reservations[reservation].workerSid] {
                workerReservations[w].count(event.type)
            }
        }
        for (w, worker) in workspace.workers.enumerated() {
            addSpan(worker: w, activity: worker.resource.activity, from: worker.resource.statusChanged, to: now, window: (from, to))
        }
    }

    /// Adds worker `w`'s span [`start`, `end`] in `activity`, clipped to `window`; nothing
    /// when that leaves it empty or the worker is not the workspace's.
    private mutating func addSpan(worker w: Int, activity: Int, from start: Double, to end: Double, window: (Double, Double)) {
        let seconds = min(end, window.1) - max(start, window.0)
        guard seconds > 0, w < workerReservations.count, activity < activityCount else { return }
        activityDurations[w * activityCount + activity].add(seconds)
    }

    /// The counters and splits (one per threshold) of the events of `queue` (nil: any
    /// queue, or none) and `workflow` (nil: any).
    func total(queue: Int?, workflow: Int?) -> (counters: CumulativeCounters, splits: [WaitSplit]) {
        var counters = CumulativeCounters()
        var split = Array(repeating: WaitSplit(), count: thresholds.count)
        for cell in cells.indices {
            let (q, w) = (cell / columns - 1, cell % columns - 1)
            guard queue.map({ $0 == q }) ?? true, workflow.map({ $0 == w }) ?? true else { continue }
            counters.add(cells[cell])
            for t in thresholds.indices { split[t].add(splits[cell * thresholds.count + t]) }
        }
        return (counters, split)
    }

    /// The time of `workers` per activity, added up over them, in activity order.
    func durations(of workers: [Int]) -> [DurationSummary] {
        var sums = Array(repeating: DurationSummary(), count: activityCount)
        for w in workers {
            for a in 0..<activityCount { sums[a].add(activityDurations[w * activityCount + a]) }
        }
        return sums
    }
}
