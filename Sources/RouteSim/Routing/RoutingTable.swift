/// Everything about routing that can be decided before the run: the workflow targets as
/// one flat list, which filters each task profile matches, which queues each worker group
/// belongs to, which groups a target admits for each profile, known workers, and the
/// `order_by` keys of each group.
///
/// A task profile is one set of task attributes (``TaskProfiles``: one per arrival stream,
/// and one per distinct set traced callers bring); worker
/// attributes are fixed per group. So every expression of the workspace is evaluated
/// here once per (profile, group) pair, and routing itself only looks answers up.
struct RoutingTable {
    /// Every target of every workflow, filters in order, then the default filter's.
    private(set) var targets: [ResolvedTarget] = []
    /// First target id of each filter, per workflow.
    private(set) var filterStart: [[Int32]] = []
    /// The default filter's target id per workflow; -1 without one.
    private(set) var defaultTarget: [Int32] = []
    /// `filterMatches[workflow][filter * profileCount + profile]`.
    private var filterMatches: [[Bool]] = []
    /// Member queues of each group, ascending.
    private(set) var memberQueues = GroupLists([])
    /// `member[queue * groupCount + group]`.
    private var member: [Bool] = []
    /// Per target, `admits[profile * groupCount + group]`; empty when the target has no
    /// expression (every member is admitted).
    private var admits: [[Bool]] = []
    /// Per target, the known worker per profile (-1: the attribute names no worker);
    /// empty for targets without known-worker routing.
    private var knownWorkers: [[Int32]] = []
    /// Per target, per `order_by` clause, the clause's value for each group (nil when the
    /// group lacks the attribute or it is not an integer); empty without `order_by`.
    private var orderKeys: [[[Double?]]] = []
    let profileCount: Int
    let groupCount: Int

    /// Builds the table for `spec`, whose task profiles are `profiles` (task attributes)
    /// and whose workers are `workers` (for known-worker routing).
    init(spec: SimulationSpec, profiles: [AttributeValue], workers: [Worker]) {
        let workspace = spec.workspace
        profileCount = profiles.count
        groupCount = spec.workerGroups.count
        for (w, workflow) in workspace.workflows.enumerated() {
            var starts: [Int32] = []
            var matches: [Bool] = []
            for (f, filter) in workflow.filters.enumerated() {
                starts.append(Int32(targets.count))
                appendTargets(filter.targets, workflow: w, filter: f)
                for profile in profiles {
                    matches.append(filter.expression.evaluate(ExpressionContext(attributes: profile)))
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
        var groupQueues: [[Int32]] = []
        for (g, group) in spec.workerGroups.enumerated() {
            var queues: [Int32] = []
            for (q, queue) in workspace.taskQueues.enumerated()
            where queue.targetWorkers.evaluate(ExpressionContext(attributes: group.attributes)) {
                queues.append(Int32(q))
                member[q * groupCount + g] = true
            }
            groupQueues.append(queues)
        }
        memberQueues = GroupLists(groupQueues)
        let groups = spec.workerGroups
        admits = targets.map { resolved in
            guard let expression = resolved.target.expression, !expression.isAlwaysTrue else { return [] }
            return profiles.flatMap { profile in
                groups.map { expression.evaluate(ExpressionContext(task: profile, worker: $0.attributes)) }
            }
        }
        knownWorkers = targets.map { resolved in
            guard let known = resolved.target.knownWorker else { return [] }
            return profiles.map { profile in
                guard case .string(let name) = profile.value(at: known.taskAttribute) else { return -1 }
                let index = workers.firstIndex {
                    known.field == .sid ? $0.sid == name : $0.friendlyName.lowercased() == name.lowercased()
                }
                return index.map(Int32.init) ?? -1
            }
        }
        orderKeys = targets.map { resolved in
            resolved.target.orderBy.map { clause in
                groups.map { group -> Double? in
                    guard case .number(let value) = group.attributes.value(at: clause.path),
                          value == value.rounded() else { return nil }
                    return value
                }
            }
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

    /// Whether filter `filter` of `workflow` matches tasks of `profile`. O(1).
    func matches(workflow: Int32, filter: Int, profile: Int32) -> Bool {
        filterMatches[Int(workflow)][filter * profileCount + Int(profile)]
    }

    /// Whether group `group` is a member of `queue` (`target_workers`). O(1).
    func isMember(group: Int32, of queue: Int32) -> Bool {
        member[Int(queue) * groupCount + Int(group)]
    }

    /// Whether target `target`'s expression admits a worker of `group` for a task of
    /// `profile`. O(1).
    func admits(target: Int32, profile: Int32, group: Int32) -> Bool {
        let table = admits[Int(target)]
        return table.isEmpty || table[Int(profile) * groupCount + Int(group)]
    }

    /// The only worker target `target` may reserve for a task of `profile`: its index,
    /// -1 when the task attribute names nobody, nil when the target has no known worker.
    func knownWorker(target: Int32, profile: Int32) -> Int32? {
        let table = knownWorkers[Int(target)]
        return table.isEmpty ? nil : table[Int(profile)]
    }

    /// Whether target `target` orders its workers with `order_by`.
    func ordersWorkers(target: Int32) -> Bool {
        !orderKeys[Int(target)].isEmpty
    }

    /// Whether a worker of group `a` comes before one of group `b` by target `target`'s
    /// `order_by` clauses (missing values last, whatever the direction); nil on a tie.
    func ordersBefore(target: Int32, _ a: Int32, _ b: Int32) -> Bool? {
        let clauses = targets[Int(target)].target.orderBy
        for (c, keys) in orderKeys[Int(target)].enumerated() {
            switch (keys[Int(a)], keys[Int(b)]) {
            case let (x?, y?) where x != y: return clauses[c].descending ? x > y : x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: continue
            }
        }
        return nil
    }
}
