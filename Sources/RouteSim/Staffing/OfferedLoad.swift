/// The load each worker group is offered, per interval or over the whole run, read from one
/// run's tasks: the seed of a staffing search.
///
/// A task counts in the cell it was created in (tasks created in the warm-up are left out of
/// the whole-run cell), for the group of the worker who answered it. A task nobody answered
/// (it hung up, or timed out) is split among the groups in the shares they answered of its
/// last queue in the same cell, else over the run; a queue nobody answered from is left out.
/// A handle time is the task's own (assignment to completion, wrap-up included) when it
/// completed, else its stream's mean; patience is its stream's mean.
public enum OfferedLoad {
    /// Per worker group of `spec` (in order), per cell: one cell per interval when
    /// `perInterval`, else one cell for the run after the warm-up.
    ///
    /// Complexity: O(*t* + *q* × *g* × *m*) for *t* tasks, *q* queues, *g* groups and *m* cells.
    public static func cells(of tasks: [TaskRecord], spec: SimulationSpec, perInterval: Bool) -> [[CellLoad]] {
        let cellCount = perInterval ? spec.intervalCount : 1
        let groupCount = spec.workerGroups.count
        let queueCount = spec.workspace.taskQueues.count
        var groupOfWorker: [Int] = []
        for (g, group) in spec.workerGroups.enumerated() {
            groupOfWorker += Array(repeating: g, count: group.count)
        }
        func cell(_ task: TaskRecord) -> Int? {
            if perInterval { return min(cellCount - 1, Int(task.createdAt / spec.interval)) }
            return task.createdAt >= spec.warmup ? 0 : nil
        }
        // Answered tasks per queue, cell and group; the last cell index (cellCount) is the whole run.
        var answered = Array(repeating: 0.0, count: queueCount * (cellCount + 1) * groupCount)
        func share(_ queue: Int, _ cell: Int, _ group: Int) -> Int { (queue * (cellCount + 1) + cell) * groupCount + group }
        for task in tasks {
            guard let queue = task.queue, let worker = task.worker, worker < groupOfWorker.count, let c = cell(task)
            else { continue }
            answered[share(queue, c, groupOfWorker[worker])] += 1
            answered[share(queue, cellCount, groupOfWorker[worker])] += 1
        }
        var callers = Array(repeating: Array(repeating: 0.0, count: cellCount), count: groupCount)
        var work = callers
        var patient = callers
        var patience = callers
        for task in tasks {
            guard let queue = task.queue, let c = cell(task) else { continue }
            var weights = Array(repeating: 0.0, count: groupCount)
            if let worker = task.worker, worker < groupOfWorker.count {
                weights[groupOfWorker[worker]] = 1
            } else {
                let inCell = (0..<groupCount).map { answered[share(queue, c, $0)] }
                let overall = (0..<groupCount).map { answered[share(queue, cellCount, $0)] }
                let counts = inCell.reduce(0, +) > 0 ? inCell : overall
                let total = counts.reduce(0, +)
                guard total > 0 else { continue }
                weights = counts.map { $0 / total }
            }
            let stream = spec.arrivals[task.stream]
            let handle = task.completedAt.flatMap { end in task.assignedAt.map { end - $0 } }
                ?? stream.handleTime.mean + (stream.wrapupTime?.mean ?? 0)
            for g in weights.indices where weights[g] > 0 {
                callers[g][c] += weights[g]
                work[g][c] += weights[g] * handle
                if let mean = stream.patience?.mean {
                    patient[g][c] += weights[g]
                    patience[g][c] += weights[g] * mean
                }
            }
        }
        return (0..<groupCount).map { g in
            (0..<cellCount).map { c in
                let start = perInterval ? Double(c) * spec.interval : spec.warmup
                let end = perInterval ? min(spec.horizon, Double(c + 1) * spec.interval) : spec.horizon
                let seconds = max(end - start, 1)
                return CellLoad(
                    arrivalRate: callers[g][c] / seconds,
                    meanHandle: callers[g][c] > 0 ? work[g][c] / callers[g][c] : 0,
                    meanPatience: patient[g][c] > 0 ? patience[g][c] / patient[g][c] : nil)
            }
        }
    }
}
