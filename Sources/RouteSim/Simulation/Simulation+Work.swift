/// Work on accepted tasks: conversation at a speed that depends on how many tasks of the
/// channel the agent holds, wrap-up, completion, and cancellation of waiting tasks.
extension Simulation {
    /// Starts the conversation of a just-assigned task. On a channel whose speed depends
    /// on concurrency, every other task the agent is talking on is rescaled first.
    mutating func startWork(_ slot: Int) {
        let w = Int(tasks[slot].worker)
        let c = Int(tasks[slot].channel)
        let i = workerChannel(w, c)
        tasks[slot].workUpdatedAt = now
        guard speedVaries[c] else {
            scheduleWorkDone(slot, factor: 1)
            return
        }
        let before = Int(workerChannels[i].handlingCount)
        rescale(i, channel: c, from: before, to: before + 1)
        let position = Int(workerChannels[i].handlingOffset) + before
        handlingTasks[position] = Int32(slot)
        tasks[slot].handlingSlot = Int32(position)
        workerChannels[i].handlingCount += 1
        scheduleWorkDone(slot, factor: spec.multitasking[c].factor(concurrent: before + 1))
    }

    /// The conversation ended: wrap-up if the caller's stream has one, else completion. An
    /// infinite wrap-up (an application's `wrapping`) lasts until the application ends it.
    mutating func finishWork(_ slot: Int) {
        let c = Int(tasks[slot].channel)
        if speedVaries[c] {
            let i = workerChannel(Int(tasks[slot].worker), c)
            let last = Int(workerChannels[i].handlingOffset + workerChannels[i].handlingCount - 1)
            let position = Int(tasks[slot].handlingSlot)
            let moved = handlingTasks[last]
            handlingTasks[position] = moved
            tasks[Int(moved)].handlingSlot = Int32(position)
            workerChannels[i].handlingCount -= 1
            let after = Int(workerChannels[i].handlingCount)
            rescale(i, channel: c, from: after + 1, to: after)
        }
        guard tasks[slot].wrapup >= 0 else {
            complete(slot)
            return
        }
        tasks[slot].status = .wrapping
        tasks[slot].wrapupAt = now
        let r = Int(tasks[slot].acceptedReservation)
        reservations[r].status = .wrapping
        emitTask(.taskWrapup, slot)
        emitReservation(.reservationWrapup, r)
        if tasks[slot].wrapup.isFinite {
            events.schedule(EngineEvent(.wrapupDone, Int32(slot), tasks[slot].life), at: now + tasks[slot].wrapup)
        }
    }

    /// Brings the remaining work of every task in conversation on worker channel `i` up to
    /// now at the old concurrency, and reschedules its end at the new one. O(k log n).
    private mutating func rescale(_ i: Int, channel c: Int, from old: Int, to new: Int) {
        guard old > 0, new > 0 else { return }
        let speed = spec.multitasking[c]
        let oldFactor = speed.factor(concurrent: old)
        let newFactor = speed.factor(concurrent: new)
        let start = Int(workerChannels[i].handlingOffset)
        for position in start..<(start + Int(workerChannels[i].handlingCount)) {
            let slot = Int(handlingTasks[position])
            tasks[slot].work = max(0, tasks[slot].work - (now - tasks[slot].workUpdatedAt) / oldFactor)
            tasks[slot].workUpdatedAt = now
            scheduleWorkDone(slot, factor: newFactor)
        }
    }

    /// Schedules the end of a task's conversation at speed 1/`factor`; an earlier
    /// schedule goes stale. Work without end (an application ends it: ``accept(_:)``)
    /// schedules nothing.
    private mutating func scheduleWorkDone(_ slot: Int, factor: Double) {
        tasks[slot].workStamp &+= 1
        let end = now + tasks[slot].work * factor
        if end.isFinite { events.schedule(EngineEvent(.workDone, Int32(slot), tasks[slot].workStamp), at: end) }
    }

    /// The task is done: its reservation completes, the worker's unit is freed (a
    /// single-tasking worker leaves the queue's reservation or assignment activity for its
    /// scheduled one), and the worker looks for more work, filed as idle only if it finds
    /// none (a reservation would make that entry stale at once).
    mutating func complete(_ slot: Int) {
        let r = Int(tasks[slot].acceptedReservation)
        let w = Int(tasks[slot].worker)
        tasks[slot].status = .completed
        reservations[r].status = .completed
        emitTask(.taskCompleted, slot, reason: .completed)
        emitReservation(.reservationCompleted, r)
        releaseUnit(r)
        finishReservation(r, endedAt: now)
        accountWorker(w)
        workers[w].busyTotal -= 1
        if !multiTask {
            let policy = queuePolicies[Int(tasks[slot].queue)]
            let activity = workers[w].activity
            if activity == policy.assignmentActivity || activity == policy.reservationActivity {
                setActivity(w, workers[w].scheduledActivity)
            }
        }
        endTask(slot, reason: .completed)
        if !fillWorker(w) { touchWorker(w) }
    }

    /// Cancels a pending or reserved task: out of its queue, its reservations canceled.
    mutating func cancel(_ slot: Int, reason: CancelReason) {
        if tasks[slot].status == .pending, tasks[slot].target >= 0 { removePending(slot) }
        tasks[slot].status = .canceled
        switch reason {
        case .workflowTimeout: emitTask(.workflowTimeout, slot)
        case .workflowSkipped: emitTask(.workflowSkipped, slot)
        default: break
        }
        emitTask(.taskCanceled, slot, reason: .canceled(reason))
        cancelReservations(of: slot)
        endTask(slot, reason: .canceled(reason))
    }

    /// Counts and sends the ended task's row and frees its slot.
    private mutating func endTask(_ slot: Int, reason: TaskReason) {
        let task = tasks[slot]
        let answered = !task.assignedAt.isNaN
        let wait = (answered ? task.assignedAt : now) - task.createdAt
        let outcome: TaskOutcome = answered ? .answered : (reason == .canceled(.abandoned) ? .abandoned : .otherCanceled)
        kpis.taskEnded(
            createdAt: task.createdAt, queue: task.queue, wait: wait, outcome: outcome,
            handle: task.status == .completed ? now - task.assignedAt : nil)
        if let sink {
            sink.record(TaskRecord(
                index: task.ordinal, stream: Int(task.stream), channel: Int(task.channel),
                workflow: Int(task.workflow), priority: task.priority,
                createdAt: task.createdAt,
                firstQueue: task.firstQueue >= 0 ? Int(task.firstQueue) : nil,
                queue: task.queue >= 0 ? Int(task.queue) : nil,
                worker: task.worker >= 0 ? Int(task.worker) : nil,
                assignedAt: answered ? task.assignedAt : nil,
                wrapupAt: task.wrapupAt.isNaN ? nil : task.wrapupAt,
                completedAt: task.status == .completed ? now : nil,
                canceledAt: task.status == .canceled ? now : nil,
                status: task.status, reason: reason,
                reservationCount: Int(task.reservationCount), waitSeconds: wait, profile: Int(task.profile)))
        }
        live?.release(task.profile)
        tasksInFlight -= 1
        freeTasks.append(Int32(slot))
    }
}
