import RouteSimKernel

extension Simulation {
    /// A caller of stream `s` arrives: its task is created with the caller's own draws
    /// (work, wrap-up, patience from per-caller substreams, so they do not depend on what
    /// other callers drew) or, for a traced caller, the values its row gives; its timers
    /// are set, and it enters its workflow.
    mutating func arrive(stream s: Int) {
        if let next = clocks[s].next(after: now) {
            events.schedule(EngineEvent(.arrival, Int32(s)), at: next)
        }
        let caller = callerCount[s]
        callerCount[s] += 1
        var row: TracedCaller?
        if case .trace(let callers) = spec.arrivals[s].process { row = callers[caller] }
        let slot = allocateTask()
        var task = newTask(
            in: slot, stream: s, caller: caller, profile: numbering.profiles.profile(stream: s, caller: caller),
            channel: row?.channel ?? spec.arrivals[s].channel, workflow: spec.arrivals[s].workflow,
            priority: row?.priority ?? spec.arrivals[s].priority)
        openChannel(Int(task.channel))
        if let work = row?.handleTime {
            task.work = work
        } else {
            var handleRandom = handleStreams[s].substream(UInt64(caller))
            task.work = spec.arrivals[s].handleTime.sample(&handleRandom)
        }
        if let wrapup = row?.wrapupTime {
            task.wrapup = wrapup
        } else if let wrapup = spec.arrivals[s].wrapupTime {
            var random = wrapupStreams[s].substream(UInt64(caller))
            task.wrapup = wrapup.sample(&random)
        }
        tasks[slot] = task
        tasksCreated += 1
        tasksInFlight += 1
        if let patience = row?.patience {
            setAbandonTimer(slot, life: task.life, at: now + patience)
        } else if let patience = spec.arrivals[s].patience {
            var random = patienceStreams[s].substream(UInt64(caller))
            setAbandonTimer(slot, life: task.life, at: now + patience.sample(&random))
        }
        let deadline = now + spec.arrivals[s].timeout
        if ttlQueues[s].isEmpty { events.schedule(EngineEvent(.ttl, Int32(s)), at: deadline) }
        ttlQueues[s].append(TaskDeadline(slot: Int32(slot), life: task.life, deadline: deadline))
        enterWorkflow(slot)
    }

    /// Sets the hang-up of the caller in task slot `slot` (life `life`) at `time`. A time
    /// after now waits in ``Simulation/abandonTimers`` with its sequence number reserved,
    /// until ``settleAbandonTimers()`` schedules it or drops it.
    private mutating func setAbandonTimer(_ slot: Int, life: UInt32, at time: Double) {
        guard time > now else {
            events.schedule(EngineEvent(.abandon, Int32(slot), life), at: time)
            return
        }
        abandonTimers.append(
            AbandonTimer(slot: Int32(slot), life: life, time: time, sequence: events.reserveSequence()))
    }

    /// At the end of an instant: schedules the hang-up of every caller set since that is
    /// still waiting, with its reserved sequence number, so events come in exactly the
    /// order they would have had it been scheduled at arrival; drops the others, whose
    /// event would have found them answered or gone.
    mutating func settleAbandonTimers() {
        for index in abandonTimers.indices {
            let timer = abandonTimers[index]
            guard isWaiting(Int(timer.slot), life: timer.life) else { continue }
            events.schedule(EngineEvent(.abandon, timer.slot, timer.life), at: timer.time, sequence: timer.sequence)
        }
        abandonTimers.removeAll()
    }

    /// Cancels the tasks of stream `s` whose TTL has run out while they were pending or
    /// reserved ("Task TTL Exceeded"), drops every task from the front of the list that was
    /// answered or ended meanwhile, and sets the stream's timer for the first task still
    /// waiting. Most tasks are answered long before their TTL, so most need no timer event
    /// of their own.
    mutating func expireTasks(stream s: Int) {
        while let first = ttlQueues[s].first {
            let waiting = isWaiting(Int(first.slot), life: first.life)
            guard !waiting || first.deadline <= now else { break }
            ttlQueues[s].removeFirst()
            if waiting { cancel(Int(first.slot), reason: .ttl) }
        }
        if let next = ttlQueues[s].first {
            events.schedule(EngineEvent(.ttl, Int32(s)), at: next.deadline)
        }
    }

    /// The state of a task created now in slot `slot`, caller number `caller` of stream
    /// `stream` (an arrival stream, or a channel's stream of tasks from the API), with the
    /// slot's stamps carried on so that events of its earlier lives stay stale. Its work and
    /// timers are the caller's to set. Always inlined, as ``isReady(_:channel:)``.
    @inline(__always)
    func newTask(
        in slot: Int, stream: Int, caller: Int, profile: Int32, channel: Int, workflow: Int, priority: Int
    ) -> TaskState {
        var task = TaskState()
        task.ordinal = tasksCreated
        task.streamOrdinal = caller
        task.stream = Int32(stream)
        task.profile = profile
        task.channel = Int32(channel)
        task.workflow = Int32(workflow)
        task.priority = priority
        task.createdAt = now
        task.life = tasks[slot].life &+ 1
        task.targetStamp = tasks[slot].targetStamp
        task.pendingStamp = tasks[slot].pendingStamp
        task.workStamp = tasks[slot].workStamp
        return task
    }

    /// A free task slot, reusing ended ones so memory follows the tasks in flight.
    mutating func allocateTask() -> Int {
        if let slot = freeTasks.popLast() { return Int(slot) }
        tasks.append(TaskState())
        return tasks.count - 1
    }
}
