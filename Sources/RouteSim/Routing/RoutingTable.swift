/// Everything about routing that can be decided before the run: the workflow targets as
/// one flat list, which filters each arrival stream matches, which queues each worker
/// group belongs to, and which groups a target's expression admits for each stream.
///
/// Task attributes are fixed per arrival stream and worker attributes per group, so every
/// expression of the workspace is evaluated here once per (stream, group) pair and
/// routing itself only looks answers up.
struct RoutingTable {
    /// Every target of every workflow, filters in order, then the default filter's.
    private(set) var targets: [ResolvedTarget] = []
    /// First target id of each filter, per workflow.
    private(set) var filterStart: [[Int32]] = []
    /// The default filter's target id per workflow; -1 without one.
    private(set) var defaultTarget: [Int32] = []
    /// `filterMatches[workflow][filter * streamCount + stream]`.
    private var filterMatches: [[Bool]] = []
    /// Member queues of each group, ascending.
    private(set) var groupQueues: [[Int32]] = []
    /// `member[queue * groupCount + group]`.
    private var member: [Bool] = []
    /// Per target, `admits[stream * groupCount + group]`; empty when the target has no
    /// expression (every member is admitted).
    private var admits: [[Bool]] = []
    /// Number of groups that are members of each queue.
    private(set) var queueGroupCount: [Int] = []
    let streamCount: Int
    let groupCount: Int

    init(spec: SimulationSpec) {
        let workspace = spec.workspace
        streamCount = spec.arrivals.count
        groupCount = spec.workerGroups.count
        for (w, workflow) in workspace.workflows.enumerated() {
            var starts: [Int32] = []
            var matches: [Bool] = []
            for (f, filter) in workflow.filters.enumerated() {
                starts.append(Int32(targets.count))
                appendTargets(filter.targets, workflow: w, filter: f)
                for stream in spec.arrivals {
                    matches.append(filter.expression.evaluate(ExpressionContext(attributes: stream.attributes)))
                }
            }
            filterStart.append(starts)
            filterMatches.append(matches)
            if let fallback = workflow.defaultFilter {
                defaultTarget.append(Int32(targets.count))
                appendTargets([fallback], workflow: w, filter: -1)
            } else {
                defaultTarget.append(-1)
            }
        }
        member = Array(repeating: false, count: workspace.taskQueues.count * groupCount)
        queueGroupCount = Array(repeating: 0, count: workspace.taskQueues.count)
        for (g, group) in spec.workerGroups.enumerated() {
            var queues: [Int32] = []
            for (q, queue) in workspace.taskQueues.enumerated()
            where queue.targetWorkers.evaluate(ExpressionContext(attributes: group.attributes)) {
                queues.append(Int32(q))
                member[q * groupCount + g] = true
                queueGroupCount[q] += 1
            }
            groupQueues.append(queues)
        }
        admits = targets.map { resolved in
            guard let expression = resolved.target.expression, !expression.isAlwaysTrue else { return [] }
            var table: [Bool] = []
            table.reserveCapacity(streamCount * groupCount)
            for stream in spec.arrivals {
                for group in spec.workerGroups {
                    table.append(expression.evaluate(ExpressionContext(task: stream.attributes, worker: group.attributes)))
                }
            }
            return table
        }
    }

    private mutating func appendTargets(_ list: [WorkflowTarget], workflow: Int, filter: Int) {
        var cumulative: Double? = 0
        for (position, target) in list.enumerated() {
            if let running = cumulative, let timeout = target.timeout {
                cumulative = running + timeout
            } else {
                cumulative = nil
            }
            let isLast = position == list.count - 1
            targets.append(ResolvedTarget(
                workflow: Int32(workflow), filter: Int32(filter), position: Int32(position), target: target,
                deadline: cumulative, next: isLast ? -1 : Int32(targets.count + 1)))
        }
    }

    /// Whether filter `filter` of `workflow` matches the tasks of `stream`. O(1).
    func matches(workflow: Int32, filter: Int, stream: Int32) -> Bool {
        filterMatches[Int(workflow)][filter * streamCount + Int(stream)]
    }

    /// Whether group `group` is a member of `queue` (`target_workers`). O(1).
    func isMember(group: Int32, of queue: Int32) -> Bool {
        member[Int(queue) * groupCount + Int(group)]
    }

    /// Whether target `target`'s expression admits a worker of `group` for a task of
    /// `stream`. O(1).
    func admits(target: Int32, stream: Int32, group: Int32) -> Bool {
        let table = admits[Int(target)]
        return table.isEmpty || table[Int(stream) * groupCount + Int(group)]
    }
}
