import RouteSimKernel

/// Changes to what a live run routes by, made while tasks are in flight
/// (``startLive(sink:)``): a workflow or a queue added, a workflow's configuration, a
/// queue's rules, a worker's attributes. Each recomputes only what the change touches in the ``RoutingTable`` and the
/// heaps, then routes what the change makes routable, as the other commands of a live run do
/// (``createTask(attributes:workflow:channel:priority:timeout:)``).
extension Simulation {
    /// Gives workflow `w` the configuration and `task_reservation_timeout` of `workflow`
    /// now. Tasks that entered the workflow before go on by the configuration they entered
    /// (TaskRouter's `ReEvaluateTasks` false); new tasks take the new one. Reservations made
    /// from now on time out by the new `task_reservation_timeout`. Configurations replaced
    /// earlier that no task in flight follows any more are dropped first. O(task slots +
    /// targets + expressions of the new configuration x profiles x groups).
    public mutating func updateWorkflow(_ w: Int, to workflow: Workflow) {
        let before = spec.workspace.workflows[w]
        spec.workspace.workflows[w] = workflow
        guard workflow.filters != before.filters || workflow.defaultFilter != before.defaultFilter else { return }
        live?.read(workflow)
        dropReplacedWorkflows()
        routing.replaceWorkflow(w, with: workflow, workers: numbering.workers)
    }

    /// How many workflow configurations the routing table holds: the workspace's, and those
    /// replaced that tasks in flight still followed at the last update
    /// (``updateWorkflow(_:to:)``).
    public var routingWorkflowCount: Int { routing.routingWorkflowCount }

    /// Drops the replaced workflow configurations no task in flight follows, and moves the
    /// tasks in flight to their targets' new ids. O(task slots + targets).
    private mutating func dropReplacedWorkflows() {
        var used: Set<Int32> = []
        for slot in tasks.indices where tasks[slot].status.isLive && tasks[slot].target >= 0 {
            used.insert(routing.targets[Int(tasks[slot].target)].workflow)
        }
        let moved = routing.dropReplacedWorkflows(keeping: used)
        for slot in tasks.indices where tasks[slot].status.isLive && tasks[slot].target >= 0 {
            tasks[slot].target = moved[Int(tasks[slot].target)]
        }
    }

    /// Adds `workflow`, created through the API, as the workspace's last workflow: tasks
    /// may be created in it from now on. O(targets + expressions of `workflow` x profiles x groups).
    public mutating func addWorkflow(_ workflow: Workflow) {
        spec.workspace.workflows.append(workflow)
        live?.read(workflow)
        routing.appendWorkflow(workflow, workers: numbering.workers)
        statistics.addWorkflow(workflow)
    }

    /// Gives queue `q` the rules of `queue` now: its members (`target_workers`), its
    /// `task_order`, `max_reserved_workers` and reservation and assignment activities. Its
    /// idle heaps are made again from its members, its pending tasks ranked by the new
    /// order and offered again, best first, to the ready members their targets admit.
    /// Reservations already made stay. O(workers x channels + queue's pending tasks x routing).
    public mutating func updateQueue(_ q: Int, to queue: TaskQueue) {
        for w in workers.indices { accountWorker(w) }
        spec.workspace.taskQueues[q] = queue
        queuePolicies[q] = QueuePolicy(queue, preferred: spec.workspace.prioritizeQueueOrder)
        routing.setTargetWorkers(ofQueue: q, queue.targetWorkers)
        let groups = memberGroups(ofQueue: q)
        kpis.memberQueues = routing.memberQueues
        statistics.setMembers(ofQueue: q, groups)
        queueWorkerCount[q] = groups.reduce(0) { $0 + spec.workerGroups[$1].count }
        var waiting: [PendingEntry] = []
        for c in 0..<channelCount {
            let k = q * channelCount + c
            idle[k] = MinHeap(readyWorkers(of: groups, channel: c))
            let valid = pending[k].unordered.filter { tasks[Int($0.slot)].pendingStamp == $0.stamp }
            pending[k] = MinHeap(valid.map { pendingEntry(Int($0.slot)) })
            waiting += pending[k].unordered
        }
        for entry in waiting.sorted() where tasks[Int(entry.slot)].pendingStamp == entry.stamp {
            assignTask(Int(entry.slot))
        }
        settle()
    }

    /// Adds `queue`, created through the API, as the workspace's last queue: its members
    /// filed as ready in its idle heaps. No task waits in it before a workflow routes there.
    /// O(workers x channels + intervals x queues + groups x queues).
    public mutating func addQueue(_ queue: TaskQueue) {
        for w in workers.indices { accountWorker(w) }
        let q = spec.workspace.taskQueues.count
        spec.workspace.taskQueues.append(queue)
        queuePolicies.append(QueuePolicy(queue, preferred: spec.workspace.prioritizeQueueOrder))
        routing.appendQueue(queue.targetWorkers)
        let groups = memberGroups(ofQueue: q)
        kpis.addQueue()
        kpis.memberQueues = routing.memberQueues
        statistics.addQueue(queue, members: groups)
        queueWorkerCount.append(groups.reduce(0) { $0 + spec.workerGroups[$1].count })
        for c in 0..<channelCount {
            pending.append(MinHeap())
            pendingLive.append(0)
            idle.append(MinHeap(readyWorkers(of: groups, channel: c)))
        }
    }

    /// The worker groups that are members of queue `q`, ascending. O(groups).
    private func memberGroups(ofQueue q: Int) -> [Int] {
        spec.workerGroups.indices.filter { routing.isMember(group: Int32($0), of: Int32(q)) }
    }

    /// The idle entries of the workers of `groups` ready on channel `c`, for a queue's idle
    /// heap made anew. O(workers of the groups).
    private func readyWorkers(of groups: [Int], channel c: Int) -> [IdleEntry] {
        var ready: [IdleEntry] = []
        for g in groups where groupChannels.range(group: Int32(g)).contains(where: { groupChannels[$0] == Int32(c) }) {
            for w in groupStart[g]..<groupStart[g + 1] where isReady(w, channel: c) {
                ready.append(idleEntry(w, channel: c))
            }
        }
        return ready
    }

    /// Whether worker `w` is the only worker of its group, as every worker that
    /// ``addWorker(sid:friendlyName:attributes:activity:capacities:unavailableChannels:activitySince:)``
    /// adds is: only such a worker's attributes can change (``setWorkerAttributes(_:_:)``),
    /// a scenario's agents sharing theirs with their group.
    public func hasOwnGroup(_ w: Int) -> Bool {
        spec.workerGroups[Int(workers[w].group)].count == 1
    }

    /// Gives worker `w` (``hasOwnGroup(_:)``) the attributes `attributes` now: its queues,
    /// what each target admits of it, its `order_by` keys. It is filed again as ready in
    /// its queues and offered their pending tasks; its reservations and tasks stay.
    /// O(queues x groups + targets x profiles + its queues' pending tasks).
    public mutating func setWorkerAttributes(_ w: Int, _ attributes: AttributeValue) {
        precondition(hasOwnGroup(w), "only a worker that is a group of its own changes attributes")
        let g = Int(workers[w].group)
        accountWorker(w)
        let before = memberQueues(ofGroup: g)
        spec.workerGroups[g].attributes = attributes
        routing.setGroupAttributes(g, attributes, queues: spec.workspace.taskQueues)
        let after = memberQueues(ofGroup: g)
        kpis.memberQueues = routing.memberQueues
        for q in Set(before).symmetricDifference(after).sorted() {
            queueWorkerCount[q] += after.contains(q) ? 1 : -1
            statistics.setMembers(ofQueue: q, memberGroups(ofQueue: q))
        }
        touchWorker(w)
        fillWorker(w)
        settle()
    }

    /// The queues group `g` is a member of, ascending.
    private func memberQueues(ofGroup g: Int) -> [Int] {
        routing.memberQueues.range(group: Int32(g)).map { Int(routing.memberQueues[$0]) }
    }
}
