extension Simulation {
    /// Puts a new task through its workflow: the first filter (top to bottom) whose
    /// expression matches, else the `default_filter`, else the task is canceled.
    mutating func enterWorkflow(_ slot: Int) {
        emitTask(.workflowEntered, slot)
        let workflow = tasks[slot].workflow
        let profile = tasks[slot].profile
        let filterCount = spec.workspace.workflows[Int(workflow)].filters.count
        for f in 0..<filterCount where routing.matches(workflow: workflow, filter: f, profile: profile) {
            enterFilter(slot, f, of: workflow)
            return
        }
        let fallback = routing.defaultTarget[Int(workflow)]
        guard fallback >= 0 else {
            emitTask(.taskCreated, slot)
            cancel(slot, reason: .noMatchingFilter)
            return
        }
        tasks[slot].filter = -1
        tasks[slot].filterEnteredAt = now
        enterTarget(slot, fallback)
    }

    /// Starts filter `f` of routing workflow `workflow` (``RoutingTable/filterStart``) at
    /// its first target; its targets' deadlines count from now.
    private mutating func enterFilter(_ slot: Int, _ f: Int, of workflow: Int32) {
        tasks[slot].filter = Int32(f)
        tasks[slot].filterEnteredAt = now
        enterTarget(slot, routing.filterStart[Int(workflow)][f])
    }

    /// Places the task at target `t`: its queue (inherited when the target names none,
    /// resolved at load), its priority if the target sets one (it sticks), its deadline,
    /// then looks for workers.
    private mutating func enterTarget(_ slot: Int, _ t: Int32) {
        tasks[slot].target = t
        tasks[slot].targetStamp &+= 1
        tasks[slot].targetExpired = false
        if let priority = routing.targets[Int(t)].target.priority { tasks[slot].priority = priority }
        let queue = Int32(routing.targets[Int(t)].target.queue)
        let previous = tasks[slot].queue
        tasks[slot].queue = queue
        if previous < 0 {
            tasks[slot].firstQueue = queue
            emitTask(.taskQueueEntered, slot)
            emitTask(.taskCreated, slot)
            emitTask(.workflowTargetMatched, slot)
        } else if previous != queue {
            emitTask(.taskQueueMoved, slot, queue: previous)
            emitTask(.workflowTargetMatched, slot)
            emitTask(.taskQueueEntered, slot)
        } else {
            emitTask(.workflowTargetMatched, slot)
        }
        if let deadline = routing.targets[Int(t)].deadline {
            let at = max(now, tasks[slot].filterEnteredAt + deadline)
            events.schedule(EngineEvent(.targetTimeout, Int32(slot), tasks[slot].targetStamp), at: at)
        }
        makePending(slot)
        if tasks[slot].status == .pending, let skipIf = routing.targets[Int(t)].target.skipIf,
           skipIf.evaluate(ExpressionContext(workers: workerCounts(queue: queue))) {
            removePending(slot)
            advanceTarget(slot, skipped: true)
        } else {
            tasks[slot].hasWaited = true
        }
    }

    /// What a target's `skip_if` reads: the queue's member workers counted as
    /// `workers.available`, `workers.unavailable`, and per activity by its SID and by its
    /// friendly name. O(members).
    private func workerCounts(queue: Int32) -> AttributeValue {
        let activities = spec.workspace.activities
        var perActivity = Array(repeating: 0, count: activities.count)
        for g in 0..<spec.workerGroups.count where routing.isMember(group: Int32(g), of: queue) {
            for w in groupStart[g]..<groupStart[g + 1] { perActivity[Int(workers[w].activity)] += 1 }
        }
        var counts: [String: AttributeValue] = [:]
        var available = 0
        for (a, activity) in activities.enumerated() {
            counts[activity.sid] = .number(Double(perActivity[a]))
            counts[activity.friendlyName] = .number(Double(perActivity[a]))
            if activity.available { available += perActivity[a] }
        }
        counts["available"] = .number(Double(available))
        counts["unavailable"] = .number(Double(perActivity.reduce(0, +) - available))
        return .object(counts)
    }

    /// The current target's deadline passed: a pending task moves on at once, a reserved
    /// one when its reservations end without acceptance (docs/taskrouter-fidelity.md, Workflow rules item 8).
    mutating func targetTimedOut(_ slot: Int, stamp: UInt32) {
        guard tasks[slot].targetStamp == stamp else { return }
        switch tasks[slot].status {
        case .pending:
            removePending(slot)
            advanceTarget(slot)
        case .reserved:
            tasks[slot].targetExpired = true
        default:
            break
        }
    }

    /// Moves a task that is in no queue index to its next target, else to the next
    /// matching filter below its own, else cancels it. The `default_filter` is never a
    /// time-out fallback; it is reached by skipping only when every target the task met
    /// so far was skipped (the filter then counts as not matched). The filters are those of
    /// the configuration the task entered: its target's routing workflow, which a live run's
    /// workflow update leaves to the tasks in flight (``RoutingTable/replaceWorkflow(_:with:workers:)``).
    mutating func advanceTarget(_ slot: Int, skipped: Bool = false) {
        if !skipped { emitTask(.taskQueueTimeout, slot) }
        let task = tasks[slot]
        let next = routing.targets[Int(task.target)].next
        if next >= 0 {
            enterTarget(slot, next)
            return
        }
        if task.filter >= 0 {
            let workflow = routing.targets[Int(task.target)].workflow
            for f in Int(task.filter + 1)..<routing.filterCounts[Int(workflow)]
            where routing.matches(workflow: workflow, filter: f, profile: task.profile) {
                enterFilter(slot, f, of: workflow)
                return
            }
            let fallback = routing.defaultTarget[Int(workflow)]
            if skipped, !task.hasWaited, fallback >= 0 {
                tasks[slot].filter = -1
                tasks[slot].filterEnteredAt = now
                enterTarget(slot, fallback)
                return
            }
        }
        cancel(slot, reason: skipped ? .workflowSkipped : .workflowTimeout)
    }

    /// A reserved task whose reservations all ended without acceptance goes back to
    /// routing: to its next target if its deadline passed meanwhile, else to its queue.
    mutating func returnToRouting(_ slot: Int) {
        tasks[slot].status = .pending
        if tasks[slot].targetExpired {
            advanceTarget(slot)
        } else {
            makePending(slot)
        }
    }
}
