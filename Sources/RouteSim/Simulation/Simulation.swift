import DequeModule
import RouteSimKernel

/// One run of a contact center routed by TaskRouter's rules: arrivals, workflow
/// evaluation, reservations, work and wrap-up on a seeded event clock.
///
/// The engine keeps only what is in flight: tasks and reservations live in reusable
/// slots, workers and their channels in flat arrays indexed by number, events are small
/// structs in a heap, and finished rows go straight to the ``RecordSink``. The facets live
/// in extensions: workflow evaluation and matching in `Routing/`, reservations and work in
/// this folder, the world's draws in `World/`.
///
/// ```swift
/// var simulation = Simulation(spec: spec)
/// let result = simulation.run(sink: recorder)
/// ```
public struct Simulation {
    /// The run's settings; a live run's grow by the workers, queues and workflows it adds
    /// and follow the changes made to them (`Simulation+Live`, `Simulation+LiveRouting`).
    public internal(set) var spec: SimulationSpec
    /// The workers and the callers' attribute sets by number, which routing and the
    /// records use.
    var numbering: RunNumbering
    var routing: RoutingTable
    let channelCount: Int
    let multiTask: Bool
    /// Per activity, whether it is available.
    let activityAvailable: [Bool]
    /// Per channel, whether idle time counts per channel (`channel_optimized_routing`).
    let channelOptimized: [Bool]
    /// Per channel, whether concurrency changes the speed of work (rescaling needed).
    let speedVaries: [Bool]
    /// Per queue, what routing reads of it; a live run's change as its queues are updated
    /// (``updateQueue(_:to:)``).
    var queuePolicies: [QueuePolicy]
    /// Per worker group, the open channels (``channelOpen``) its workers have capacity on,
    /// ascending: the channels whose ready heaps its workers are filed in.
    var groupChannels: GroupLists
    /// Per channel, whether a task of it has appeared (``openChannel(_:)``).
    var channelOpen: [Bool]
    /// Per worker group, whether its agents accept every reservation at once
    /// (``AnswerBehavior/immediate``), which needs no draw.
    var answersAtOnce: [Bool]
    /// Per worker group, whether an application answers its reservations and ends its
    /// work (``AnswerBehavior/byApplication``).
    var answeredByApplication: [Bool]
    /// What a live run (``startLive(sink:)``) interns task attribute sets by; nil in a batch run.
    var live: LiveProfiles?
    /// Whether the engine prefetches: set from the workforce's size (``prefetchWorkers``);
    /// tests turn it off to compare.
    var prefetches: Bool

    var now: Double = 0
    var events = EventList<EngineEvent>()
    var eventCount = 0
    var sink: (any RecordSink)?
    /// The ``TaskRouterEventType``s sent to the sink, as a mask of ``bit(_:)``.
    var recordMask: UInt64 = 0
    /// Events sent to the sink so far (the next one's index).
    var eventsEmitted = 0
    var kpis: KPICollector
    /// TaskRouter's real-time and cumulative statistics, fed every event they read.
    var statistics: TaskRouterStatistics

    /// Hang-up times set in the current instant, not yet in ``events``.
    var abandonTimers = SlotArray<AbandonTimer>()

    var tasks = SlotArray<TaskState>()
    var freeTasks = SlotArray<Int32>()
    var tasksInFlight = 0
    var tasksCreated = 0

    var reservations = SlotArray<ReservationState>()
    var freeReservations = SlotArray<Int32>()
    var reservationsCreated = 0

    var workers = SlotArray<WorkerState>()
    /// Per worker channel (`worker * channelCount + channel`): capacity, load, readiness.
    var workerChannels = SlotArray<WorkerChannelState>()
    /// Task slots in conversation, a region of `capacity` entries per worker channel.
    var handlingTasks = SlotArray<Int32>()

    /// Per queue and channel (`queue * channelCount + channel`): pending tasks.
    var pending: [MinHeap<PendingEntry>] = []
    /// Per queue and channel: how many pending entries are valid.
    var pendingLive = SlotArray<Int>()
    /// Per queue and channel: workers ready to take a task of the channel.
    var idle: [MinHeap<IdleEntry>] = []
    /// Per queue: how many workers are members (bounds the valid idle entries).
    var queueWorkerCount = SlotArray<Int>()
    /// Reused buffers for entries set aside while searching a heap.
    var idleScratch = SlotArray<IdleEntry>()
    var pendingScratch = SlotArray<PendingEntry>()
    var chosenScratch = SlotArray<Int32>()

    /// Per arrival stream, its tasks in creation order with their TTL deadlines: every
    /// task of a stream has the same TTL, so deadlines come in creation order and one
    /// timer per stream serves them all.
    var ttlQueues: [Deque<TaskDeadline>] = []
    var clocks: [ArrivalClock] = []
    var callerCount = SlotArray<Int>()
    var handleStreams: [RandomStream] = []
    var wrapupStreams: [RandomStream] = []
    var patienceStreams: [RandomStream] = []
    var answerStreams: [RandomStream] = []
    var plans: [ShiftPlan] = []
    /// First worker index of each group, plus the total at the end.
    var groupStart: [Int] = []

    /// Prepares a run of `spec`: workers in their first scheduled activity, nothing
    /// scheduled yet. O(workers x channels + expressions x attribute sets x groups).
    public init(spec: SimulationSpec) {
        self.spec = spec
        let workspace = spec.workspace
        numbering = RunNumbering(spec: spec)
        routing = RoutingTable(spec: spec, profiles: numbering.profiles.attributes, workers: numbering.workers)
        statistics = TaskRouterStatistics(spec: spec, workers: numbering.workers, memberQueues: routing.memberQueues)
        channelCount = workspace.taskChannels.count
        multiTask = workspace.multiTaskEnabled
        activityAvailable = workspace.activities.map(\.available)
        channelOptimized = workspace.taskChannels.map(\.channelOptimizedRouting)
        speedVaries = spec.multitasking.map { speed in
            workspace.multiTaskEnabled && (1...64).contains { speed.factor(concurrent: $0) != 1 }
        }
        queuePolicies = workspace.taskQueues.map { QueuePolicy($0, preferred: workspace.prioritizeQueueOrder) }
        answersAtOnce = []
        answeredByApplication = []
        prefetches = spec.workerGroups.reduce(0) { $0 + $1.count } >= Self.prefetchWorkers
        channelOpen = Array(repeating: false, count: channelCount)
        groupChannels = GroupLists([])
        kpis = KPICollector(spec: spec, memberQueues: routing.memberQueues)
        let queueCount = workspace.taskQueues.count
        pending = Array(repeating: MinHeap(), count: queueCount * channelCount)
        pendingLive = SlotArray(repeating: 0, count: queueCount * channelCount)
        idle = Array(repeating: MinHeap(), count: queueCount * channelCount)
        queueWorkerCount = SlotArray(repeating: 0, count: queueCount)
        groupStart = [0]
        for g in spec.workerGroups.indices { setUpGroup(g) }
        for stream in spec.arrivals { setUpStream(stream) }
    }

    /// Sets up the state of group `g` of the spec, which follows every group set up so far:
    /// its shift plan, how it answers, the open channels it has capacity on, its queues'
    /// member counts, and its workers in their first activity since now, with their worker
    /// channels. Used for the spec's groups and for a worker added while the engine runs
    /// (``addWorker(sid:friendlyName:attributes:activity:capacities:unavailableChannels:)``).
    /// O(workers x channels + queues).
    mutating func setUpGroup(_ g: Int) {
        let group = spec.workerGroups[g]
        let plan = ShiftPlan(group: group, offActivity: spec.workspace.defaultActivity)
        plans.append(plan)
        answersAtOnce.append(group.answer == .immediate)
        answeredByApplication.append(group.answer.byApplication)
        groupChannels.append(Self.channels(of: group, open: channelOpen))
        for q in routing.memberQueues.range(group: Int32(g)) {
            queueWorkerCount[Int(routing.memberQueues[q])] += group.count
        }
        let first = Self.startActivity(of: plan, offActivity: spec.workspace.defaultActivity)
        for _ in 0..<group.count {
            var worker = WorkerState(group: Int32(g), activity: first, scheduledActivity: first)
            worker.activitySince = now
            worker.lastReservedAt = now
            worker.accountedUntil = now
            workers.append(worker)
            for c in 0..<channelCount {
                let units = Int32(c < group.capacities.count ? group.capacities[c] : 0)
                workerChannels.append(WorkerChannelState(
                    capacity: units, available: !group.unavailableChannels.contains(c),
                    handlingOffset: Int32(handlingTasks.count)))
                if speedVaries[c] {
                    for _ in 0..<units { handlingTasks.append(-1) }
                }
            }
        }
        groupStart.append(workers.count)
    }

    /// The activity a worker of `group` is in at time 0 of a run, where workers off shift
    /// are in `offActivity`. O(shifts).
    public static func firstActivity(of group: WorkerGroup, offActivity: Int) -> Int {
        Int(startActivity(of: ShiftPlan(group: group, offActivity: offActivity), offActivity: offActivity))
    }

    /// The activity a worker whose group follows `plan` is in at time 0: the plan's last
    /// step at or before 0, else `offActivity`.
    static func startActivity(of plan: ShiftPlan, offActivity: Int) -> Int32 {
        plan.steps.last { $0.time <= 0 }?.activity ?? Int32(offActivity)
    }

    /// Sets up arrival stream `stream`: its clock, its TTL list and its callers' draws.
    private mutating func setUpStream(_ stream: ArrivalStream) {
        let (seed, replication) = (spec.seed, spec.replication)
        clocks.append(ArrivalClock(
            process: stream.process(scaledBy: stream.dayMultiplier(seed: seed, replication: replication)),
            horizon: spec.horizon,
            rng: RandomStream(seed: seed, replication: replication, name: "arrivals." + stream.name)))
        ttlQueues.append(Deque())
        setUpDraws(named: stream.name)
    }

    /// Adds the per-caller random streams of the next stream of tasks, named `name`: an
    /// arrival stream, or a channel's tasks from the API (``startLive(sink:)``).
    mutating func setUpDraws(named name: String) {
        let (seed, replication) = (spec.seed, spec.replication)
        handleStreams.append(RandomStream(seed: seed, replication: replication, name: "handle." + name))
        wrapupStreams.append(RandomStream(seed: seed, replication: replication, name: "wrapup." + name))
        patienceStreams.append(RandomStream(seed: seed, replication: replication, name: "patience." + name))
        answerStreams.append(RandomStream(seed: seed, replication: replication, name: "answers." + name))
        callerCount.append(0)
    }

    /// Runs to the end: every event up to the horizon (arrivals stop there), then on
    /// until every task present has ended. Sends every finished row to `sink` (none when
    /// nil), and TaskRouter's events of the types the workspace's `events_filter` names
    /// when `recordEvents` is true. Returns the KPIs and TaskRouter's statistics (which
    /// are computed whether or not events are recorded). Call once per value.
    public mutating func run(sink: (any RecordSink)? = nil, recordEvents: Bool = false) -> SimulationResult {
        // A run that is never asked to stop returns its result.
        run(sink: sink, recordEvents: recordEvents, stoppingWhen: { false })!
    }

    /// Runs like ``run(sink:recordEvents:)``, but asks `stop` every ``stopInterval`` events
    /// and gives up as soon as it answers true: then returns nil, and the rows sent to
    /// `sink` so far are those of an unfinished run.
    ///
    /// `stop` is called on the run's thread; a flag another thread sets is what it reads.
    public mutating func run(
        sink: (any RecordSink)? = nil, recordEvents: Bool = false, stoppingWhen stop: () -> Bool
    ) -> SimulationResult? {
        start(sink: sink, recordEvents: recordEvents, filter: spec.workspace.eventsFilter)
        while step() {
            if eventCount % Self.stopInterval == 0, stop() { return nil }
        }
        return finish()
    }

    /// Events between two questions of a stoppable run (``run(sink:recordEvents:stoppingWhen:)``):
    /// few enough that a run stops within milliseconds.
    public static let stopInterval = 4_096

    /// Sets a run up: the sink, the event mask (the types `filter` names, all when nil),
    /// the first events.
    mutating func start(sink: (any RecordSink)?, recordEvents: Bool, filter: [String]?) {
        self.sink = sink
        makeStateUnique()
        recordMask = Self.recordMask(recording: recordEvents && sink != nil, filter: filter)
        scheduleStart()
    }

    /// Handles the next event; false when the run has none left to handle.
    @inline(__always)
    private mutating func step() -> Bool {
        settleInstant()
        guard let event = events.popNext(), event.time <= spec.horizon || tasksInFlight > 0 else { return false }
        dispatch(event)
        return true
    }

    /// Schedules the hang-ups set in the current instant once it is over: when no event
    /// is left at now (``settleAbandonTimers()``).
    @inline(__always)
    mutating func settleInstant() {
        if !abandonTimers.isEmpty, events.nextTime.map({ $0 > now }) ?? true { settleAbandonTimers() }
    }

    /// Handles `event`, just taken from the list: the clock moves to it.
    @inline(__always)
    mutating func dispatch(_ event: ScheduledEvent<EngineEvent>) {
        now = event.time
        eventCount += 1
        if prefetches {
            if let next = events.next { prefetchEntity(of: next.payload) }
            prefetchAssignment(of: event.payload)
        }
        handle(event.payload)
    }

    /// Ends a run whose last event was handled: accounts every worker's time up to the end
    /// and returns the result.
    private mutating func finish() -> SimulationResult {
        let endTime = max(spec.horizon, now)
        now = endTime
        for w in workers.indices {
            accountWorker(w)
            recordSpan(worker: w, until: endTime)
        }
        return SimulationResult(
            summary: kpis.summary, queues: Array(kpis.queueSummaries), intervals: kpis.intervalRecords(), eventCount: eventCount,
            tasksCreated: tasksCreated, endTime: endTime, statistics: statistics.finish(at: endTime))
    }

    /// Gives every ``SlotArray`` of the run's state (the KPI counters' too) a buffer of its
    /// own, so that their unchecked writes cannot reach a copy of this value taken before
    /// the run.
    private mutating func makeStateUnique() {
        abandonTimers.makeUnique()
        tasks.makeUnique()
        freeTasks.makeUnique()
        reservations.makeUnique()
        freeReservations.makeUnique()
        workers.makeUnique()
        workerChannels.makeUnique()
        handlingTasks.makeUnique()
        pendingLive.makeUnique()
        queueWorkerCount.makeUnique()
        callerCount.makeUnique()
        idleScratch.makeUnique()
        pendingScratch.makeUnique()
        chosenScratch.makeUnique()
        kpis.makeUnique()
    }

    private mutating func scheduleStart() {
        for w in workers.indices { touchWorker(w) }
        for s in clocks.indices {
            if let first = clocks[s].next(after: 0) {
                events.schedule(EngineEvent(.arrival, Int32(s)), at: first)
            }
        }
        for (g, plan) in plans.enumerated() {
            for (step, change) in plan.steps.enumerated() where change.time > 0 {
                events.schedule(EngineEvent(.shiftChange, Int32(g), UInt32(step)), at: change.time)
            }
        }
    }

    mutating func handle(_ event: EngineEvent) {
        let entity = Int(event.entity)
        switch event.kind {
        case .arrival:
            arrive(stream: entity)
        case .shiftChange:
            let activity = plans[entity].steps[Int(event.stamp)].activity
            for w in groupStart[entity]..<groupStart[entity + 1] {
                workers[w].scheduledActivity = activity
                setActivity(w, activity)
                fillWorker(w)
            }
        case .abandon:
            if isWaiting(entity, life: event.stamp) { cancel(entity, reason: .abandoned) }
        case .ttl:
            expireTasks(stream: entity)
        case .targetTimeout:
            targetTimedOut(entity, stamp: event.stamp)
        case .answer:
            if reservations[entity].life == event.stamp, reservations[entity].status == .pending {
                answer(entity)
            }
        case .reservationTimeout:
            if reservations[entity].life == event.stamp, reservations[entity].status == .pending {
                timeOut(entity)
            }
        case .workDone:
            if tasks[entity].workStamp == event.stamp, tasks[entity].status == .assigned { finishWork(entity) }
        case .wrapupDone:
            if tasks[entity].life == event.stamp, tasks[entity].status == .wrapping { complete(entity) }
        case .workerReturn:
            if workers[entity].activityStamp == event.stamp {
                setActivity(entity, workers[entity].scheduledActivity)
                fillWorker(entity)
            }
        case .taskTimeout:
            if isWaiting(entity, life: event.stamp) { cancel(entity, reason: .ttl) }
        }
    }

    /// Whether task slot `slot` is still in the life `life` and not yet assigned.
    func isWaiting(_ slot: Int, life: UInt32) -> Bool {
        let status = tasks[slot].status
        return tasks[slot].life == life && (status == .pending || status == .reserved)
    }

    /// Index of worker channel (`worker`, `channel`) in the flat per-channel arrays.
    @inline(__always)
    func workerChannel(_ worker: Int, _ channel: Int) -> Int {
        worker * channelCount + channel
    }
}
