/// Everything about routing that can be decided before the run: the workflow targets as
/// one flat list, which filters each task profile matches, which queues each worker group
/// belongs to, which groups a target admits for each profile, known workers, and the
/// `order_by` keys of each group.
///
/// A task profile is one set of task attributes (``TaskProfiles``: one per arrival stream,
/// and one per distinct set traced callers bring); worker
/// attributes are fixed per group. So every expression of the workspace is evaluated
/// here once per (profile, group) pair, and routing itself only looks answers up. A live
/// run's changes (a profile, a group, a queue or a workflow added; a workflow, a queue's
/// members or a one-worker group's attributes changed) evaluate again only what they touch.
struct RoutingTable {
    /// Every target of every workflow, filters in order, then the default filter's.
    private(set) var targets: [ResolvedTarget] = []
    /// First target id of each filter, per routing workflow.
    ///
    /// The per-workflow tables below are indexed by routing workflow: routing workflow `w`
    /// below the workspace's workflow count is workflow `w`'s current configuration; those
    /// after are configurations a live run replaced (``replaceWorkflow(_:with:workers:)``),
    /// kept for the tasks in flight that entered them. A target's
    /// ``ResolvedTarget/workflow`` is its routing workflow.
    private(set) var filterStart: [[Int32]] = []
    /// The default filter's target id per routing workflow; -1 without one.
    private(set) var defaultTarget: [Int32] = []
    /// `filterMatches[routing workflow][profile * filters + filter]`: a profile's answers side by
    /// side, so a profile added while the engine runs appends its own.
    private var filterMatches: [[Bool]] = []
    /// Each routing workflow's filter expressions, in order (a profile's answers are theirs).
    private var filterExpressions: [[Expression]] = []
    /// The number of the workspace's workflows: the routing workflows that are current
    /// configurations.
    private var workflowCount = 0
    /// The number of filters of each routing workflow (the width of a profile's answers).
    private(set) var filterCounts: [Int] = []
    /// Member queues of each group, ascending.
    private(set) var memberQueues = GroupLists([])
    /// `member[group * queueCount + queue]`.
    private var member: [Bool] = []
    /// Per target, `admits[profile * groupStride + group]`; nil when the target has no
    /// expression (every member is admitted).
    private var admits: [[Bool]?] = []
    /// Per target, the known worker per profile (-1: the attribute names no worker);
    /// nil for targets without known-worker routing.
    private var knownWorkers: [[Int32]?] = []
    /// Per target, per `order_by` clause, the clause's value for each group (nil when the
    /// group lacks the attribute or it is not an integer); empty without `order_by`.
    private var orderKeys: [[[Double?]]] = []
    /// The task attribute sets, by profile (what a profile added later is evaluated with).
    private var profiles: [AttributeValue]
    /// The worker attributes, by group.
    private var groupAttributes: [AttributeValue]
    private(set) var profileCount: Int
    private(set) var groupCount: Int
    /// The spacing of groups in ``admits``: ``groupCount`` in a batch run, with room to
    /// spare once groups are added while the engine runs (doubled when full).
    private var groupStride: Int
    /// The number of queues: one more for a queue added while the engine runs
    /// (``appendQueue(_:)``).
    private(set) var queueCount: Int

    /// Builds the table for `spec`, whose task profiles are `profiles` (task attributes)
    /// and whose workers are `workers` (for known-worker routing).
    init(spec: SimulationSpec, profiles: [AttributeValue], workers: [Worker]) {
        let workspace = spec.workspace
        self.profiles = profiles
        groupAttributes = spec.workerGroups.map(\.attributes)
        profileCount = profiles.count
        groupCount = spec.workerGroups.count
        groupStride = groupCount
        queueCount = workspace.taskQueues.count
        for (w, workflow) in workspace.workflows.enumerated() {
            let (starts, fallback) = appendTargets(of: workflow, as: w)
            filterStart.append(starts)
            defaultTarget.append(fallback)
            filterExpressions.append(workflow.filters.map(\.expression))
            filterCounts.append(workflow.filters.count)
            filterMatches.append(filterMatches(of: workflow))
        }
        workflowCount = workspace.workflows.count
        let queues = workspace.taskQueues
        for group in spec.workerGroups {
            member += queues.map { $0.targetWorkers.evaluate(ExpressionContext(attributes: group.attributes)) }
        }
        memberQueues = listMemberQueues()
        resolveTargets(targets.indices, workers: workers)
    }

    /// Lays out `workflow`'s targets at the end of ``targets`` as routing workflow `w`:
    /// returns the first target id of each filter, and the default filter's (-1 without one).
    private mutating func appendTargets(of workflow: Workflow, as w: Int) -> (starts: [Int32], fallback: Int32) {
        var starts: [Int32] = []
        for (f, filter) in workflow.filters.enumerated() {
            starts.append(Int32(targets.count))
            appendTargets(filter.targets, workflow: w, filter: f)
        }
        guard let fallback = workflow.defaultFilter else { return (starts, -1) }
        let id = Int32(targets.count)
        appendTargets([fallback], workflow: w, filter: -1)
        return (starts, id)
    }

    /// Which of `workflow`'s filters every profile matches, a profile's answers side by side.
    private func filterMatches(of workflow: Workflow) -> [Bool] {
        profiles.flatMap { profile in
            workflow.filters.map { $0.expression.evaluate(ExpressionContext(attributes: profile)) }
        }
    }

    /// Each group's member queues, ascending, from ``member``. O(groups x queues).
    private func listMemberQueues() -> GroupLists {
        GroupLists((0..<groupCount).map(memberList(ofGroup:)))
    }

    /// Group `g`'s member queues, ascending, from ``member``. O(queues).
    private func memberList(ofGroup g: Int) -> [Int32] {
        (0..<queueCount).filter { member[g * queueCount + $0] }.map(Int32.init)
    }

    /// Evaluates what targets `range`, the last ones of ``targets``, read for every profile
    /// and group: what their expressions admit, their known workers among `workers`, their
    /// `order_by` keys. O(targets x profiles x groups + known-worker targets x profiles x workers).
    private mutating func resolveTargets(_ range: Range<Int>, workers: [Worker]) {
        for t in range {
            let resolved = targets[t]
            if let expression = resolved.target.expression, !expression.isAlwaysTrue {
                var table = Array(repeating: false, count: profileCount * groupStride)
                for p in 0..<profileCount {
                    for g in 0..<groupCount {
                        table[p * groupStride + g] = expression.evaluate(
                            ExpressionContext(task: profiles[p], worker: groupAttributes[g]))
                    }
                }
                admits.append(table)
            } else {
                admits.append(nil)
            }
            knownWorkers.append(Self.knownWorkers(resolved, profiles: profiles, workers: workers))
            orderKeys.append(resolved.target.orderBy.map { clause in groupAttributes.map { Self.orderKey(clause, $0) } })
        }
    }

    /// The known worker of target `resolved` for each of `profiles`: its index among
    /// `workers`, -1 when the attribute names nobody; nil for a target without one.
    private static func knownWorkers(_ resolved: ResolvedTarget, profiles: [AttributeValue], workers: [Worker]) -> [Int32]? {
        guard let known = resolved.target.knownWorker else { return nil }
        return profiles.map { profile in
            guard case .string(let name) = profile.value(at: known.taskAttribute) else { return -1 }
            let index = workers.firstIndex {
                known.field == .sid ? $0.sid == name : $0.friendlyName.lowercased() == name.lowercased()
            }
            return index.map(Int32.init) ?? -1
        }
    }

    /// The value an `order_by` clause sorts a group by: nil when the group lacks the
    /// attribute or it is not an integer.
    private static func orderKey(_ clause: OrderByClause, _ attributes: AttributeValue) -> Double? {
        guard case .number(let value) = attributes.value(at: clause.path), value == value.rounded() else { return nil }
        return value
    }

    /// Numbers a task attribute set met while the engine runs as profile ``profileCount``
    /// and evaluates every filter and target expression for it. O(filters + targets x
    /// groups + known-worker targets x workers).
    mutating func appendProfile(_ attributes: AttributeValue, workers: [Worker]) {
        profiles.append(attributes)
        profileCount += 1
        for w in filterMatches.indices {
            filterMatches[w] += repeatElement(false, count: filterCounts[w])
        }
        for t in targets.indices {
            admits[t]? += repeatElement(false, count: groupStride)
            knownWorkers[t]?.append(-1)
        }
        setProfile(profileCount - 1, attributes, workers: workers)
    }

    /// Gives profile `p` (one no task in flight uses) the attribute set `attributes` and
    /// evaluates every filter and target expression for it. O(filters + targets x groups +
    /// known-worker targets x workers).
    mutating func setProfile(_ p: Int, _ attributes: AttributeValue, workers: [Worker]) {
        profiles[p] = attributes
        let context = ExpressionContext(attributes: attributes)
        for w in filterMatches.indices {
            for (f, expression) in filterExpressions[w].enumerated() {
                filterMatches[w][p * filterCounts[w] + f] = expression.evaluate(context)
            }
        }
        for t in targets.indices {
            if admits[t] != nil, let expression = targets[t].target.expression {
                for g in 0..<groupCount {
                    admits[t]![p * groupStride + g] = expression.evaluate(ExpressionContext(task: attributes, worker: groupAttributes[g]))
                }
            }
            if knownWorkers[t] != nil {
                knownWorkers[t]![p] = Self.knownWorkers(targets[t], profiles: [attributes], workers: workers)![0]
            }
        }
    }

    /// Adds a worker group with `attributes` while the engine runs (a worker created
    /// through the API): its queues, what each target admits of it, its `order_by` keys;
    /// `workers` (with the new one) are searched again for known-worker targets.
    /// O(queues + targets x profiles + known-worker targets x profiles x workers), and
    /// O(targets x profiles x groups) when ``admits`` needs more room, which doubles it.
    mutating func appendGroup(_ attributes: AttributeValue, queues: [TaskQueue], workers: [Worker]) {
        if groupCount == groupStride {
            let stride = max(2 * groupStride, 1)
            for t in admits.indices {
                guard let table = admits[t] else { continue }
                var wider = Array(repeating: false, count: profileCount * stride)
                for p in 0..<profileCount {
                    for g in 0..<groupCount { wider[p * stride + g] = table[p * groupStride + g] }
                }
                admits[t] = wider
            }
            groupStride = stride
        }
        let g = groupCount
        groupAttributes.append(attributes)
        groupCount += 1
        member += repeatElement(false, count: queueCount)
        for t in targets.indices {
            if knownWorkers[t] != nil {
                knownWorkers[t] = Self.knownWorkers(targets[t], profiles: profiles, workers: workers)
            }
            for c in orderKeys[t].indices { orderKeys[t][c].append(nil) }
        }
        evaluateGroup(g, queues: queues)
        memberQueues.append(memberList(ofGroup: g))
    }

    /// Gives group `g` (of one worker) the attributes `attributes` while the engine runs (a
    /// worker's attributes updated through the API): its queues among `queues`, what each
    /// target admits of it, its `order_by` keys. O(queues x groups + targets x profiles).
    mutating func setGroupAttributes(_ g: Int, _ attributes: AttributeValue, queues: [TaskQueue]) {
        groupAttributes[g] = attributes
        evaluateGroup(g, queues: queues)
        memberQueues = listMemberQueues()
    }

    /// Evaluates what reads group `g`'s attributes: its membership of `queues`, what each
    /// target admits of it for every profile, its `order_by` keys. O(queues + targets x profiles).
    private mutating func evaluateGroup(_ g: Int, queues: [TaskQueue]) {
        let attributes = groupAttributes[g]
        for (q, queue) in queues.enumerated() {
            member[g * queueCount + q] = queue.targetWorkers.evaluate(ExpressionContext(attributes: attributes))
        }
        for t in targets.indices {
            if admits[t] != nil, let expression = targets[t].target.expression {
                for p in 0..<profileCount {
                    admits[t]![p * groupStride + g] = expression.evaluate(ExpressionContext(task: profiles[p], worker: attributes))
                }
            }
            for c in orderKeys[t].indices {
                orderKeys[t][c][g] = Self.orderKey(targets[t].target.orderBy[c], attributes)
            }
        }
    }

    /// Gives queue `q` the `target_workers` expression `targetWorkers` while the engine runs:
    /// which groups are its members. O(groups x queues).
    mutating func setTargetWorkers(ofQueue q: Int, _ targetWorkers: Expression) {
        for g in 0..<groupCount {
            member[g * queueCount + q] = targetWorkers.evaluate(ExpressionContext(attributes: groupAttributes[g]))
        }
        memberQueues = listMemberQueues()
    }

    /// Adds a queue whose `target_workers` is `targetWorkers` as the last one while the
    /// engine runs: which groups are its members. O(groups x queues).
    mutating func appendQueue(_ targetWorkers: Expression) {
        var wider: [Bool] = []
        wider.reserveCapacity(groupCount * (queueCount + 1))
        for g in 0..<groupCount {
            wider += member[g * queueCount..<(g + 1) * queueCount]
            wider.append(targetWorkers.evaluate(ExpressionContext(attributes: groupAttributes[g])))
        }
        member = wider
        queueCount += 1
        memberQueues = listMemberQueues()
    }

    /// Gives workflow `w` the configuration `workflow` while the engine runs: its filters
    /// and targets are laid out anew, and the configuration they replace becomes a routing
    /// workflow of its own, which the tasks in flight that entered it go on following
    /// (TaskRouter's `ReEvaluateTasks` false). O(targets + (filters + new targets x groups)
    /// x profiles + new known-worker targets x profiles x workers).
    mutating func replaceWorkflow(_ w: Int, with workflow: Workflow, workers: [Worker]) {
        moveToEnd(w)
        configure(w, workflow, workers: workers)
    }

    /// Adds `workflow`, created while the engine runs, as the workspace's last workflow:
    /// a replaced configuration in its place moves to the end. Same cost as
    /// ``replaceWorkflow(_:with:workers:)``.
    mutating func appendWorkflow(_ workflow: Workflow, workers: [Worker]) {
        let w = workflowCount
        if w < filterStart.count {
            moveToEnd(w)
        } else {
            filterStart.append([])
            defaultTarget.append(-1)
            filterMatches.append([])
            filterExpressions.append([])
            filterCounts.append(0)
        }
        workflowCount += 1
        configure(w, workflow, workers: workers)
    }

    /// The number of routing workflows: the workspace's workflows and the replaced
    /// configurations kept for tasks in flight.
    var routingWorkflowCount: Int { filterStart.count }

    /// Drops the replaced configurations not in `used` (routing workflows that tasks in
    /// flight follow) with their targets; the others are numbered again in order. Returns
    /// each target id's new id, -1 for a dropped target, for the tasks in flight to follow.
    /// O(targets + routing workflows).
    mutating func dropReplacedWorkflows(keeping used: Set<Int32>) -> [Int32] {
        let kept = (0..<filterStart.count).filter { $0 < workflowCount || used.contains(Int32($0)) }
        guard kept.count < filterStart.count else { return targets.indices.map(Int32.init) }
        var newWorkflow = Array(repeating: Int32(-1), count: filterStart.count)
        for (position, r) in kept.enumerated() { newWorkflow[r] = Int32(position) }
        var newTarget = Array(repeating: Int32(-1), count: targets.count)
        var next: Int32 = 0
        for t in targets.indices where newWorkflow[Int(targets[t].workflow)] >= 0 {
            newTarget[t] = next
            next += 1
        }
        let moved = { (id: Int32) in id < 0 ? id : newTarget[Int(id)] }
        let keptTargets = targets.indices.filter { newTarget[$0] >= 0 }
        targets = keptTargets.map { t in
            var target = targets[t]
            target.workflow = newWorkflow[Int(target.workflow)]
            target.next = moved(target.next)
            return target
        }
        admits = keptTargets.map { admits[$0] }
        knownWorkers = keptTargets.map { knownWorkers[$0] }
        orderKeys = keptTargets.map { orderKeys[$0] }
        filterStart = kept.map { filterStart[$0].map(moved) }
        defaultTarget = kept.map { moved(defaultTarget[$0]) }
        filterMatches = kept.map { filterMatches[$0] }
        filterExpressions = kept.map { filterExpressions[$0] }
        filterCounts = kept.map { filterCounts[$0] }
        return newTarget
    }

    /// Copies routing workflow `w` to the end, its targets with it, leaving `w` to be
    /// configured again. O(targets).
    private mutating func moveToEnd(_ w: Int) {
        let end = Int32(filterStart.count)
        filterStart.append(filterStart[w])
        defaultTarget.append(defaultTarget[w])
        filterMatches.append(filterMatches[w])
        filterExpressions.append(filterExpressions[w])
        filterCounts.append(filterCounts[w])
        for t in targets.indices where targets[t].workflow == Int32(w) { targets[t].workflow = end }
    }

    /// Makes routing workflow `w` the configuration `workflow`, its targets laid out anew at
    /// the end of ``targets``.
    private mutating func configure(_ w: Int, _ workflow: Workflow, workers: [Worker]) {
        let first = targets.count
        (filterStart[w], defaultTarget[w]) = appendTargets(of: workflow, as: w)
        filterExpressions[w] = workflow.filters.map(\.expression)
        filterCounts[w] = workflow.filters.count
        filterMatches[w] = filterMatches(of: workflow)
        resolveTargets(first..<targets.count, workers: workers)
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
        let workflow = Int(workflow)
        return filterMatches[workflow][Int(profile) * filterCounts[workflow] + filter]
    }

    /// Whether group `group` is a member of `queue` (`target_workers`). O(1).
    func isMember(group: Int32, of queue: Int32) -> Bool {
        member[Int(group) * queueCount + Int(queue)]
    }

    /// Whether target `target`'s expression admits a worker of `group` for a task of
    /// `profile`. O(1).
    func admits(target: Int32, profile: Int32, group: Int32) -> Bool {
        guard let table = admits[Int(target)] else { return true }
        return table[Int(profile) * groupStride + Int(group)]
    }

    /// The only worker target `target` may reserve for a task of `profile`: its index,
    /// -1 when the task attribute names nobody, nil when the target has no known worker.
    func knownWorker(target: Int32, profile: Int32) -> Int32? {
        knownWorkers[Int(target)]?[Int(profile)]
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
