import RouteSimKernel

/// A run that others act on while it goes: the engine under `routesim serve`.
///
/// ``startLive(sink:)`` sets the run up, ``advance(to:)`` moves its clock, and between two
/// moves the commands below act at the current instant, in the order they are given: a
/// task with any attributes, a worker, an activity change, an answer to a reservation, an
/// update of a task. Each command ends with the routing it causes, the same code a batch
/// run takes, so a task created at time t has its reservation before the command returns
/// if a worker is ready. Tasks and reservations are named by their ordinals (the numbers
/// their SIDs derive from), as the events sent to the sink name them.
///
/// Tasks that commands create are routed by a profile interned from the attributes the
/// workspace's expressions read (``LiveProfiles``), so a million tasks that differ only in
/// a call SID share one. Workers that commands create are groups of one whose reservations
/// wait for the application's answer (``AnswerBehavior/application``) and whose work ends
/// when the application says so.
extension Simulation {
    /// Starts a run that ``advance(to:)`` moves: workers in their first activity, the
    /// scenario's arrivals and shifts scheduled, every event sent to `sink`.
    public mutating func startLive(sink: (any RecordSink)?) {
        live = LiveProfiles(workspace: spec.workspace, first: routing.profileCount)
        for channel in spec.workspace.taskChannels { setUpDraws(named: "api." + channel.uniqueName) }
        start(sink: sink, recordEvents: sink != nil, filter: nil)
    }

    /// The simulated time the run stands at (s).
    public var time: Double { now }

    /// How many task profiles the routing table holds for tasks created by ``createTask(attributes:workflow:channel:priority:timeout:)``:
    /// at most the distinct routing keys in flight at once (``LiveProfiles``).
    public var liveProfileCount: Int { live?.count ?? 0 }

    /// The time of the next event due, nil when none is: ``advance(to:)`` up to it stops at
    /// the next instant anything happens.
    public var nextEventTime: Double? { events.nextTime }

    /// How many tasks are in flight (created, not yet completed or canceled).
    public var liveTaskCount: Int { tasksInFlight }

    /// How many tasks, reservations and recorded events the run has made: the ordinals
    /// the next ones get.
    public var madeCounts: (tasks: Int, reservations: Int, events: Int) {
        (tasksCreated, reservationsCreated, eventsEmitted)
    }

    /// The run's KPIs so far, for a snapshot of a live run: the tasks that have ended, and
    /// every worker's time up to now (counting it changes nothing routing reads). No
    /// TaskRouter statistics documents. O(workers + intervals x queues).
    public mutating func resultSoFar() -> SimulationResult {
        for w in workers.indices { accountWorker(w) }
        return SimulationResult(
            summary: kpis.summary, queues: Array(kpis.queueSummaries), intervals: kpis.intervalRecords(),
            eventCount: eventCount, tasksCreated: tasksCreated, endTime: now)
    }

    /// Handles every event up to and including `time`, then stands at `time`.
    /// O(events handled x log events).
    public mutating func advance(to time: Double) {
        precondition(time >= now, "the clock of a live run only moves forward")
        while true {
            // Every pass settles the instant that is over, the last one too: the next event
            // is after `time`, or there is none.
            settleInstant()
            guard let next = events.nextTime, next <= time, let event = events.popNext() else { break }
            dispatch(event)
        }
        now = time
    }

    /// Creates a task now with `attributes` (a JSON object) in `workflow` on `channel`,
    /// and routes it. `timeout` is its TTL (s). Returns its ordinal. O(routing), plus
    /// O(expressions x groups) the first time its profile is met.
    public mutating func createTask(
        attributes: AttributeValue, workflow: Int, channel: Int, priority: Int, timeout: Double
    ) -> Int {
        let profile = liveProfile(of: attributes)
        let stream = spec.arrivals.count + channel
        let caller = callerCount[stream]
        callerCount[stream] += 1
        let slot = allocateTask()
        var task = newTask(
            in: slot, stream: stream, caller: caller, profile: profile, channel: channel, workflow: workflow,
            priority: priority)
        let work = spec.apiWork(channel: channel)
        var handleRandom = handleStreams[stream].substream(UInt64(caller))
        task.work = work.handleTime.sample(&handleRandom)
        if let wrapup = work.wrapupTime {
            var random = wrapupStreams[stream].substream(UInt64(caller))
            task.wrapup = wrapup.sample(&random)
        }
        tasks[slot] = task
        tasksCreated += 1
        tasksInFlight += 1
        events.schedule(EngineEvent(.taskTimeout, Int32(slot), task.life), at: now + timeout)
        openChannel(channel)
        enterWorkflow(slot)
        settle()
        return task.ordinal
    }

    /// The profile tasks with `attributes` are routed by: the attributes the expressions
    /// read, numbered as first met; a new one is evaluated against every expression, in the
    /// place of a profile no task in flight uses when there is one.
    private mutating func liveProfile(of attributes: AttributeValue) -> Int32 {
        let key = live!.routingKey(of: attributes)
        if let known = live!.use(key) { return known }
        let (profile, reused) = live!.assign(key)
        if reused {
            routing.setProfile(Int(profile), key, workers: numbering.workers)
        } else {
            routing.appendProfile(key, workers: numbering.workers)
        }
        return profile
    }

    /// Adds a worker now, the only one of a new group: `attributes`, in `activity` since
    /// `activitySince` (at most now; now by default), with
    /// `capacities` per channel (`available` false switches a channel off). Its
    /// reservations wait for ``answerReservation(_:accept:activity:)`` and its tasks for
    /// ``updateTask(_:to:)``. Returns its worker index. O(queues + targets x profiles).
    public mutating func addWorker(
        sid: String, friendlyName: String, attributes: AttributeValue, activity: Int, capacities: [Int],
        unavailableChannels: [Int] = [], activitySince: Double? = nil
    ) -> Int {
        let g = spec.workerGroups.count
        let group = WorkerGroup(
            name: friendlyName, count: 1, attributes: attributes, capacities: capacities, activity: activity,
            answer: .application, workerNames: [friendlyName], workerSids: [sid],
            unavailableChannels: unavailableChannels)
        spec.workerGroups.append(group)
        let worker = Worker(sid: sid, friendlyName: friendlyName, group: g)
        numbering.workers.append(worker)
        routing.appendGroup(attributes, queues: spec.workspace.taskQueues, workers: numbering.workers)
        kpis.memberQueues = routing.memberQueues
        let queues = Array(routing.memberQueues.range(group: Int32(g)).map { routing.memberQueues[$0] })
        statistics.addWorker(worker, activity: Int32(activity), at: now, queues: queues)
        let w = workers.count
        setUpGroup(g)
        if let activitySince { workers[w].activitySince = min(activitySince, now) }
        if !fillWorker(w) { touchWorker(w) }
        settle()
        return w
    }

    /// Moves worker `w` to `activity` now, as an application's update of the worker does,
    /// and offers it work if the activity is available.
    public mutating func setWorkerActivity(_ w: Int, to activity: Int) {
        workers[w].scheduledActivity = Int32(activity)
        setActivity(w, Int32(activity))
        if !fillWorker(w) { touchWorker(w) }
        settle()
    }

    /// The application answers reservation `ordinal`: accepts it, or rejects it and moves
    /// the worker to `activity` if given. False when the reservation is not pending.
    @discardableResult
    public mutating func answerReservation(_ ordinal: Int, accept: Bool, activity: Int? = nil) -> Bool {
        guard let r = reservationSlot(ordinal), reservations[r].status == .pending else { return false }
        if accept {
            self.accept(r)
        } else {
            reject(r, activity: activity.map(Int32.init) ?? -1)
        }
        settle()
        return true
    }

    /// Cancels pending reservation `ordinal` alone, as TaskRouter does when neither of its
    /// workflow's assignment callback URLs answered: its worker goes back to the activity it
    /// had before, and the task is routed again. False when the reservation is not pending.
    @discardableResult
    public mutating func cancelReservation(_ ordinal: Int) -> Bool {
        guard let r = reservationSlot(ordinal), reservations[r].status == .pending else { return false }
        release(r, status: .canceled)
        settle()
        return true
    }

    /// The application moves task `ordinal` on: `.wrapping` from assigned, `.completed`
    /// from assigned or wrapping, `.canceled` from pending or reserved (its reason is the
    /// application's, kept by the caller). False when the task is not in a status that
    /// allows the move.
    @discardableResult
    public mutating func updateTask(_ ordinal: Int, to status: TaskStatus) -> Bool {
        guard let slot = taskSlot(ordinal) else { return false }
        switch (tasks[slot].status, status) {
        case (.assigned, .wrapping):
            tasks[slot].wrapup = .infinity
            finishWork(slot)
        case (.assigned, .completed):
            tasks[slot].wrapup = -1
            finishWork(slot)
        case (.wrapping, .completed):
            complete(slot)
        case (.pending, .canceled), (.reserved, .canceled):
            cancel(slot, reason: .application)
        default:
            return false
        }
        settle()
        return true
    }

    /// The application gives task `ordinal` new `attributes` and/or `priority` now, as an
    /// update of the task does. Its profile follows the new attributes (``LiveProfiles``);
    /// a pending task is offered again under them and its new priority in the target it is
    /// in, as TaskRouter re-evaluates an updated task; a reserved, assigned or wrapping one
    /// keeps its reservations. False when the task is not in flight. O(routing).
    @discardableResult
    public mutating func updateTask(_ ordinal: Int, attributes: AttributeValue?, priority: Int?) -> Bool {
        guard let slot = taskSlot(ordinal) else { return false }
        let pending = tasks[slot].status == .pending
        if pending { removePending(slot) }
        if let attributes {
            // The new profile is taken before the old one is let go, so that a key
            // unchanged keeps its profile.
            let profile = liveProfile(of: attributes)
            live?.release(tasks[slot].profile)
            tasks[slot].profile = profile
        }
        if let priority { tasks[slot].priority = priority }
        if pending { makePending(slot) }
        settle()
        return true
    }

    /// Handles what a command left for the current instant (an agent who accepts at
    /// once, a hang-up due now), so the command's answer shows the instant settled.
    mutating func settle() {
        advance(to: now)
    }

    /// The slot of the task in flight with ordinal `ordinal`. O(task slots).
    private func taskSlot(_ ordinal: Int) -> Int? {
        tasks.indices.first { tasks[$0].ordinal == ordinal && tasks[$0].status.isLive }
    }

    /// The slot of the live reservation with ordinal `ordinal`. O(reservation slots).
    private func reservationSlot(_ ordinal: Int) -> Int? {
        reservations.indices.first { reservations[$0].ordinal == ordinal && reservations[$0].status.isLive }
    }
}
