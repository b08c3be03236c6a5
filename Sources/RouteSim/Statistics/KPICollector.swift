import RouteSimKernel

/// Adds up the planner's KPIs as tasks end and as worker time passes: per interval and
/// queue, per interval over all queues, and for the whole run after the warm-up.
///
/// Memory is fixed by the interval grid and the queue count, whatever the run length.
/// Worker time is counted over [0, horizon) for intervals and [warm-up, horizon) for the
/// summary; tasks by the interval they were created in.
struct KPICollector {
    let interval: Double
    let horizon: Double
    let warmup: Double
    let threshold: Double
    let intervalCount: Int
    /// The number of queues: one more for a queue added while the engine runs (``addQueue()``).
    private(set) var queueCount: Int
    /// `cells[i * (queueCount + 1) + queue + 1]`; queue -1 is the all-queues row.
    private(set) var cells: SlotArray<KPIs>
    private(set) var summary = KPIs()
    /// Per queue, what ``summary`` is for the whole center.
    private(set) var queueSummaries: SlotArray<KPIs>
    /// The queues whose KPIs a worker's time counts for, by its group.
    var memberQueues: GroupLists

    /// Prepares the KPIs of a run of `spec` whose worker groups belong to `memberQueues`.
    init(spec: SimulationSpec, memberQueues: GroupLists) {
        self.memberQueues = memberQueues
        interval = spec.interval
        horizon = spec.horizon
        warmup = spec.warmup
        threshold = spec.serviceLevel
        queueCount = spec.workspace.taskQueues.count
        intervalCount = spec.intervalCount
        cells = SlotArray(repeating: KPIs(), count: intervalCount * (queueCount + 1))
        queueSummaries = SlotArray(repeating: KPIs(), count: queueCount)
    }

    /// Gives the counters buffers of their own (``SlotArray/makeUnique()``); call before
    /// counting in a value that may have been copied.
    mutating func makeUnique() {
        cells.makeUnique()
        queueSummaries.makeUnique()
    }

    /// Adds a queue, created while the engine runs, as the last one. O(intervals x queues).
    mutating func addQueue() {
        let width = queueCount + 1
        var wider = SlotArray(repeating: KPIs(), count: intervalCount * (width + 1))
        for i in 0..<intervalCount {
            for column in 0..<width { wider[i * (width + 1) + column] = cells[i * width + column] }
        }
        cells = wider
        queueSummaries.append(KPIs())
        queueCount += 1
    }

    /// The index in ``cells`` of `queue` (-1: all queues) in the interval holding `time`.
    /// Inlined: called out of line from a mutating method, it would take a copy of the
    /// collector.
    @inline(__always)
    private func cellIndex(time: Double, queue: Int32) -> Int {
        let i = min(intervalCount - 1, max(0, Int(time / interval)))
        return i * (queueCount + 1) + Int(queue) + 1
    }

    /// Counts an ended task in its creation interval, for its last queue and overall.
    /// `handle` is assignment to completion (talk plus wrap-up) for completed tasks.
    mutating func taskEnded(createdAt: Double, queue: Int32, wait: Double, outcome: TaskOutcome, handle: Double?) {
        let threshold = threshold
        update(createdAt: createdAt, queue: queue) { kpis in
            kpis.offered += 1
            kpis.longestWait = max(kpis.longestWait, wait)
            switch outcome {
            case .answered:
                kpis.answered += 1
                kpis.answeredWaitTotal += wait
                if wait < threshold { kpis.answeredWithin += 1 }
            case .abandoned:
                kpis.abandoned += 1
                if wait >= threshold { kpis.abandonedAfter += 1 }
            case .otherCanceled:
                kpis.otherCanceled += 1
            }
            if let handle {
                kpis.handled += 1
                kpis.handleTotal += handle
            }
        }
    }

    /// Counts a reservation outcome for the task's creation interval and the reservation's
    /// queue.
    mutating func reservationEnded(taskCreatedAt: Double, queue: Int32, status: ReservationStatus) {
        update(createdAt: taskCreatedAt, queue: queue) { kpis in
            kpis.reservationsCreated += 1
            switch status {
            case .accepted, .completed, .wrapping: kpis.reservationsAccepted += 1
            case .rejected: kpis.reservationsRejected += 1
            case .timeout: kpis.reservationsTimedOut += 1
            case .canceled, .rescinded, .pending: break
            }
        }
    }

    /// Applies `change` to the KPIs a task created at `createdAt` counts in: its interval's,
    /// overall and for `queue` (none when -1), and from the warm-up on the run's. Inlined,
    /// with `change`, into both callers.
    @inline(__always)
    private mutating func update(createdAt: Double, queue: Int32, _ change: (inout KPIs) -> Void) {
        let all = cellIndex(time: createdAt, queue: -1)
        change(&cells[all])
        if queue >= 0 { change(&cells[all + Int(queue) + 1]) }
        if createdAt >= warmup {
            change(&summary)
            if queue >= 0 { change(&queueSummaries[Int(queue)]) }
        }
    }

    /// Counts a worker's time over [from, to) as staffed and/or busy, for every interval it
    /// crosses, overall and for each queue its group `group` is a member of.
    mutating func workerTime(from: Double, to: Double, busy: Bool, staffed: Bool, group: Int32) {
        guard staffed else { return }
        let queues = memberQueues.range(group: group)
        let end = min(to, horizon)
        var start = max(from, 0)
        if end > warmup, end > start {
            let counted = end - max(start, warmup)
            summary.addWorkerTime(counted, busy: busy)
            for q in queues { queueSummaries[Int(memberQueues[q])].addWorkerTime(counted, busy: busy) }
        }
        while start < end {
            let i = min(intervalCount - 1, Int(start / interval))
            let stop = i == intervalCount - 1 ? end : min(end, Double(i + 1) * interval)
            let seconds = stop - start
            let row = i * (queueCount + 1)
            cells[row].addWorkerTime(seconds, busy: busy)
            for q in queues { cells[row + Int(memberQueues[q]) + 1].addWorkerTime(seconds, busy: busy) }
            start = stop
        }
    }

    /// The interval rows: for each interval, the all-queues row, then each queue's.
    func intervalRecords() -> [IntervalRecord] {
        var records: [IntervalRecord] = []
        records.reserveCapacity(cells.count)
        for i in 0..<intervalCount {
            let start = Double(i) * interval
            let end = i == intervalCount - 1 ? horizon : Double(i + 1) * interval
            for q in -1..<queueCount {
                let kpis = cells[i * (queueCount + 1) + q + 1]
                records.append(IntervalRecord(
                    index: i, start: start, end: end, queue: q < 0 ? nil : q, warmup: start < warmup,
                    kpis: kpis, staffedAgents: end > start ? kpis.staffedSeconds / (end - start) : 0))
            }
        }
        return records
    }
}

extension KPIs {
    /// Counts `seconds` of a worker's time as staffed, and as busy when `busy`.
    mutating func addWorkerTime(_ seconds: Double, busy: Bool) {
        staffedSeconds += seconds
        if busy { busySeconds += seconds }
    }
}
