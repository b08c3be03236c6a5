import RouteSim
import RouteSimKernel
import RouteSimScenario
import RouteSimStore
import Synchronization

/// The twin's account: its credentials, its one clock and its workspaces in creation order.
///
/// Every request goes through this actor, so requests take effect one at a time, in the
/// order they arrive, each at the clock's current instant. Methods take parsed parameters
/// and the representation of the request's server, and return JSON documents.
public actor Twin {
    /// The account's SID and token.
    public nonisolated let credentials: TwinCredentials
    /// Sends the workspaces' event callbacks; a service to run beside the server.
    public nonisolated let callbacks: TwinEventCallbacks
    /// Sends the workflows' assignment callbacks (``answerAssignments(waitingForOthers:)``).
    public nonisolated let assignments: TwinAssignmentCallbacks
    /// Whether a workspace's workflow has an assignment callback URL: only then does a request
    /// other than a GET wait for the callbacks it caused, so that without them a request
    /// enters the actor once, not twice. Read without entering it.
    private nonisolated let watchingAssignments = Atomic<Bool>(false)
    /// The simulated clock.
    public private(set) var clock: TwinClock
    /// The workspaces, oldest first.
    public private(set) var workspaces: [TwinWorkspace] = []
    /// The seed every SID derives from.
    private let seed: UInt64
    /// Makes the workspaces' SIDs.
    private let sids: SidGenerator
    /// How many workspaces were ever created: the index of the next one's SID and seed.
    private var created = 0
    /// The live engine of each workspace that has one, by workspace SID (looked up, never
    /// iterated): built when a workspace first needs routing or logs an event (a change of
    /// its configuration through the API, ``logChange(_:in:naming:_:)``).
    var engines: [String: TwinEngine] = [:]
    /// The results file of `--out` (``snapshot()``), nil without it; with it, engines keep
    /// their rows.
    private var output: SessionFile?
    /// This routesim's version, for the runs the results file gets.
    private let version: String
    /// Whether a `POST /routesim/v1/Clock` is moving the manual clock, which it may stop to
    /// wait for assignment callbacks.
    var clockMoving = false
    /// Assignment callbacks asked and whose answers are not carried out yet.
    var assignmentsInFlight = 0
    /// The clock moves that wait until ``assignmentsInFlight`` is 0.
    var assignmentWaiters: [CheckedContinuation<Void, Never>] = []

    /// An account; with `output`, ``snapshot()`` writes its session there as routesim
    /// `version`. Applications have `assignmentTimeout` seconds to answer an assignment
    /// callback (TaskRouter's 5; tests give less).
    public init(
        credentials: TwinCredentials, clock: TwinClock = TwinClock(), seed: UInt64 = 1, output: SessionFile? = nil,
        version: String = "", assignmentTimeout: Double = TwinAssignmentCallbacks.defaultTimeout
    ) {
        self.credentials = credentials
        callbacks = TwinEventCallbacks(authToken: credentials.authToken)
        assignments = TwinAssignmentCallbacks(authToken: credentials.authToken, timeout: assignmentTimeout)
        self.clock = clock
        self.seed = seed
        sids = SidGenerator(seed: seed)
        self.output = output
        self.version = version
    }

    // MARK: Workspaces

    /// `POST /v1/Workspaces`.
    public func createWorkspace(_ parameters: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let index = created
        let workspace = try TwinWorkspace(
            sid: sids.sid(.workspace, index), seed: Self.workspaceSeed(seed, index), parameters: parameters, at: clock.time)
        created += 1
        workspaces.append(workspace)
        return representation(baseURL).workspace(workspace)
    }

    /// `GET /v1/Workspaces/{Sid}`.
    public func fetchWorkspace(_ sid: String, baseURL: String) throws(TwinError) -> AttributeValue {
        representation(baseURL).workspace(workspaces[try index(of: sid)])
    }

    /// `GET /v1/Workspaces`, filtered by `FriendlyName`.
    public func listWorkspaces(_ query: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let page = try TwinPage(key: "workspaces", url: baseURL + "/v1/Workspaces", query: query)
        let name = query.value("FriendlyName")
        let shape = representation(baseURL)
        return page.document(workspaces.filter { name == nil || $0.friendlyName == name }.map(shape.workspace))
    }

    /// `POST /v1/Workspaces/{Sid}`.
    public func updateWorkspace(_ sid: String, _ parameters: TwinParameters, baseURL: String) throws(TwinError) -> AttributeValue {
        let index = try index(of: sid)
        let routing = ["MultiTaskEnabled", "PrioritizeQueueOrder", "DefaultActivitySid", "TimeoutActivitySid"].contains(where: parameters.has)
        if routing { try checkRebuild(index) { (workspace: inout TwinWorkspace) throws(TwinError) in try workspace.update(parameters) } }
        _ = engine(index)
        try workspaces[index].update(parameters)
        engines[sid]?.log.outbox.follow(workspaces[index])
        if routing { rebuild(index) }
        logChange(.workspaceUpdated, in: index, naming: workspaces[index].eventSubject)
        return representation(baseURL).workspace(workspaces[index])
    }

    /// `DELETE /v1/Workspaces/{Sid}`, with everything in it.
    public func deleteWorkspace(_ sid: String) throws(TwinError) {
        workspaces.remove(at: try index(of: sid))
        engines[sid] = nil
        countAssignmentWatchers()
    }

    /// Adds the workspace of a scenario, with its arrivals, agents, shifts and answer
    /// behaviour running on the clock from now on (`routesim serve SCENARIO`), its workflows
    /// calling back the `assignmentCallbacks` given by workflow name; returns its SID.
    public func addScenario(_ spec: SimulationSpec, assignmentCallbacks: [String: AssignmentCallbackURLs] = [:]) -> String {
        var workspace = TwinWorkspace(scenario: spec, seed: Self.workspaceSeed(seed, created))
        for index in workspace.workflows.indices {
            let urls = assignmentCallbacks[workspace.workflows[index].resource.workflow.friendlyName]
            workspace.workflows[index].resource.assignmentCallbackUrl = urls?.url
            workspace.workflows[index].resource.fallbackAssignmentCallbackUrl = urls?.fallback
        }
        created += 1
        workspaces.append(workspace)
        let engine = TwinEngine(scenario: spec, workspace: workspace, recording: output != nil)
        engine.simulation.advance(to: clock.time)
        engines[workspace.sid] = engine
        followAssignments(engine, workspace)
        syncWorkers(workspaces.count - 1)
        return workspace.sid
    }

    // MARK: Sub-resources

    /// `POST /v1/Workspaces/{WorkspaceSid}/{Kind}`: a worker, a queue or a workflow reaches
    /// the running engine, tasks in flight or not; an activity or a channel is added by
    /// building the engine again (``checkRebuild(_:)``).
    public func create(
        _ kind: TwinResourceKind, in workspace: String, _ parameters: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        if kind == .activities || kind == .taskChannels {
            try checkRebuild(owner) { (workspace: inout TwinWorkspace) throws(TwinError) in _ = try workspace.create(kind, parameters) }
        }
        let running = engine(owner)
        let index = try workspaces[owner].create(kind, parameters)
        let subject = workspaces[owner].eventSubject(kind, at: index)
        switch kind {
        case .workers:
            logChange(.workerCreated, in: owner, naming: subject) { $0.worker = index }
            running.add(workspaces[owner].workers[index].resource)
            syncWorkers(owner)
        case .workflows:
            logChange(.workflowCreated, in: owner, naming: subject) { $0.workflow = index }
            running.simulation.addWorkflow(workspaces[owner].workflows[index].resource.workflow)
            followAssignments(running, workspaces[owner])
        case .taskQueues:
            logChange(.taskQueueCreated, in: owner, naming: subject) { $0.queue = index }
            running.simulation.addQueue(workspaces[owner].taskQueues[index].resource)
        case .activities:
            rebuild(owner)
            logChange(.activityCreated, in: owner, naming: subject)
        case .taskChannels:
            rebuild(owner)
            logChange(.taskChannelCreated, in: owner, naming: subject) { $0.channel = index }
        }
        return representation(baseURL).resource(kind, at: index, of: workspaces[owner])
    }

    /// `GET /v1/Workspaces/{WorkspaceSid}/{Kind}/{Sid}`.
    public func fetch(_ kind: TwinResourceKind, in workspace: String, _ sid: String, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = workspaces[try index(of: workspace)]
        return representation(baseURL).resource(kind, at: try owner.index(kind, of: sid), of: owner)
    }

    /// `GET /v1/Workspaces/{WorkspaceSid}/{Kind}` with the kind's filters.
    public func list(
        _ kind: TwinResourceKind, in workspace: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = workspaces[try index(of: workspace)]
        let page = try TwinPage(
            key: kind.listKey, url: representation(baseURL).workspaceURL(owner.sid) + "/" + kind.pathSegment, query: query)
        let shape = representation(baseURL)
        return page.document(try owner.list(kind, query).map { shape.resource(kind, at: $0, of: owner) })
    }

    /// `POST /v1/Workspaces/{WorkspaceSid}/{Kind}/{Sid}`.
    ///
    /// A workflow, a queue and a worker's attributes change on the running engine, tasks in
    /// flight or not (``Simulation/updateWorkflow(_:to:)``, ``Simulation/updateQueue(_:to:)``,
    /// ``Simulation/setWorkerAttributes(_:_:)``); an activity or a channel by building the
    /// engine again (``checkRebuild(_:)``).
    public func update(
        _ kind: TwinResourceKind, in workspace: String, _ sid: String, _ parameters: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let index = try workspaces[owner].index(kind, of: sid)
        let rebuilds = kind == .activities || kind == .taskChannels
        if rebuilds {
            try checkRebuild(owner) { (workspace: inout TwinWorkspace) throws(TwinError) in try workspace.update(kind, at: index, parameters) }
        }
        let attributes = kind == .workers && parameters.has("Attributes")
        if attributes, let running = engines[workspaces[owner].sid], !running.simulation.hasOwnGroup(index) {
            throw .invalidParameter("Worker \(sid) is an agent of the workspace's scenario, whose attributes are those of its group: they cannot change (docs/twin.md)")
        }
        let activity = kind == .workers ? workspaces[owner].workers[index].resource.activity : nil
        let attributesText = kind == .workers ? workspaces[owner].workers[index].resource.attributesText : nil
        let target = kind == .taskQueues ? workspaces[owner].taskQueues[index].resource.targetWorkers.source : nil
        // The engine makes (and logs) a worker's change of activity, and the twin logs the
        // change itself, so it must exist, built from the workspace before the change.
        let running = engine(owner)
        try workspaces[owner].update(kind, at: index, parameters)
        if rebuilds { rebuild(owner) }
        let subject = workspaces[owner].eventSubject(kind, at: index)
        switch kind {
        case .taskQueues:
            let queue = workspaces[owner].taskQueues[index].resource
            if queue.targetWorkers.source != target {
                logChange(.taskQueueExpressionUpdated, in: owner, naming: subject) { $0.queue = index }
            }
            running.simulation.updateQueue(index, to: queue)
        case .workflows:
            logChange(.workflowUpdated, in: owner, naming: subject) { $0.workflow = index }
            // Callback URLs alone leave routing as it is.
            if parameters.pairs.contains(where: { !Self.callbackParameters.contains($0.name) }) {
                running.simulation.updateWorkflow(index, to: workspaces[owner].workflows[index].resource.workflow)
            }
            followAssignments(running, workspaces[owner])
        case .workers:
            let worker = workspaces[owner].workers[index].resource
            if worker.attributesText != attributesText {
                logChange(.workerAttributesUpdate, in: owner, naming: subject) { $0.worker = index }
            }
            if attributes { running.simulation.setWorkerAttributes(index, worker.attributes) }
            if worker.activity != activity { running.simulation.setWorkerActivity(index, to: worker.activity) }
        case .activities:
            logChange(.activityUpdated, in: owner, naming: subject)
        case .taskChannels:
            logChange(.taskChannelUpdated, in: owner, naming: subject) { $0.channel = index }
        }
        syncWorkers(owner)
        return representation(baseURL).resource(kind, at: index, of: workspaces[owner])
    }

    /// `DELETE /v1/Workspaces/{WorkspaceSid}/{Kind}/{Sid}`.
    public func delete(_ kind: TwinResourceKind, in workspace: String, _ sid: String) throws(TwinError) {
        let owner = try index(of: workspace)
        let index = try workspaces[owner].index(kind, of: sid)
        try checkRebuild(owner) { (workspace: inout TwinWorkspace) throws(TwinError) in try workspace.delete(kind, at: index) }
        _ = engine(owner)
        let subject = workspaces[owner].eventSubject(kind, at: index)
        try workspaces[owner].delete(kind, at: index)
        rebuild(owner)
        let deleted: TaskRouterEventType = switch kind {
        case .activities: .activityDeleted
        case .taskChannels: .taskChannelDeleted
        case .taskQueues: .taskQueueDeleted
        case .workflows: .workflowDeleted
        case .workers: .workerDeleted
        }
        logChange(deleted, in: owner, naming: subject)
    }

    // MARK: Worker channels

    /// `GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels`.
    public func listWorkerChannels(
        in workspace: String, worker: String, _ query: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = workspaces[try index(of: workspace)]
        let workerIndex = try owner.index(.workers, of: worker)
        let shape = representation(baseURL)
        let page = try TwinPage(key: "channels", url: shape.workspaceURL(owner.sid) + "/Workers/" + worker + "/Channels", query: query)
        return page.document(owner.taskChannels.indices.map {
            shape.workerChannel(ofWorker: workerIndex, at: $0, of: owner, assigned: assignedTasks(owner, worker: workerIndex, channel: $0))
        })
    }

    /// `GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}`.
    public func fetchWorkerChannel(in workspace: String, worker: String, _ sid: String, baseURL: String) throws(TwinError) -> AttributeValue {
        let owner = workspaces[try index(of: workspace)]
        let workerIndex = try owner.index(.workers, of: worker)
        let channel = try owner.channelIndex(ofWorker: workerIndex, sid)
        return representation(baseURL).workerChannel(
            ofWorker: workerIndex, at: channel, of: owner, assigned: assignedTasks(owner, worker: workerIndex, channel: channel))
    }

    /// `POST /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}`.
    public func updateWorkerChannel(
        in workspace: String, worker: String, _ sid: String, _ parameters: TwinParameters, baseURL: String
    ) throws(TwinError) -> AttributeValue {
        let owner = try index(of: workspace)
        let workerIndex = try workspaces[owner].index(.workers, of: worker)
        let channel = try workspaces[owner].channelIndex(ofWorker: workerIndex, sid)
        try checkRebuild(owner) { (workspace: inout TwinWorkspace) throws(TwinError) in
            try workspace.updateChannel(ofWorker: workerIndex, at: channel, parameters)
        }
        _ = engine(owner)
        let before = workspaces[owner].workers[workerIndex].resource.channels[channel].resource
        try workspaces[owner].updateChannel(ofWorker: workerIndex, at: channel, parameters)
        rebuild(owner)
        let after = workspaces[owner].workers[workerIndex].resource.channels[channel].resource
        let subject = workspaces[owner].eventSubject(
            worker: workerIndex, channel: channel, previousCapacity: before.capacity,
            assigned: assignedTasks(workspaces[owner], worker: workerIndex, channel: channel))
        let changes: [TaskRouterEventType] =
            (after.capacity != before.capacity ? [.workerCapacityUpdate] : [])
            + (after.available != before.available ? [.workerChannelAvailabilityUpdate] : [])
        for type in changes {
            logChange(type, in: owner, naming: subject) {
                $0.worker = workerIndex
                $0.channel = channel
            }
        }
        return representation(baseURL).workerChannel(
            ofWorker: workerIndex, at: channel, of: workspaces[owner],
            assigned: assignedTasks(workspaces[owner], worker: workerIndex, channel: channel))
    }

    /// The tasks assigned to the workspace's worker `worker` on channel `channel` now: none
    /// before the workspace has an engine. (The engine numbers workers as the workspace does.)
    private func assignedTasks(_ workspace: TwinWorkspace, worker: Int, channel: Int) -> Int {
        engines[workspace.sid]?.log.assignedTasks(worker: worker, channel: channel) ?? 0
    }

    // MARK: Clock

    /// `GET /routesim/v1/Clock`.
    public func clockDocument() -> AttributeValue {
        representation("").clockDocument()
    }

    /// `POST /routesim/v1/Clock` with `Advance=SECONDS` (from now) or `Until=SECONDS` (a
    /// time); exactly one. Returns the clock at its new time. With the manual clock it stops
    /// at each instant that made reservations with assignment callbacks and goes on once
    /// their answers are carried out (``answerAssignments(waitingForOthers:)``); a second
    /// move while one waits is refused (400).
    public func moveClock(_ parameters: TwinParameters) async throws(TwinError) -> AttributeValue {
        let step = parameters.value("Advance")
        let target = parameters.value("Until")
        guard (step == nil) != (target == nil) else {
            throw .invalidParameter("Give exactly one of Advance (seconds from now) and Until (a time in seconds)")
        }
        let (name, text) = step.map { ("Advance", $0) } ?? ("Until", target ?? "")
        guard let seconds = Double(text), seconds.isFinite, step == nil || seconds >= 0 else {
            let expected = step == nil ? "a time in seconds" : "a number of seconds, 0 or more"
            throw .invalidParameter("Invalid \(name): expected \(expected), got \"\(text)\"")
        }
        let time = step == nil ? seconds : clock.time + seconds
        guard clock.mode == .manual else {
            try advance(to: time)
            sendAssignments()
            return clockDocument()
        }
        guard !clockMoving else {
            throw .invalidParameter("The clock is already moving: another POST /routesim/v1/Clock waits for assignment callbacks at \(clock.date(at: clock.time)); move it again once that request has returned (docs/twin.md)")
        }
        var probe = clock
        try probe.move(to: time)
        clockMoving = true
        defer { clockMoving = false }
        await answerAssignments(waitingForOthers: true)
        repeat {
            try advance(to: nextStop(before: time))
            await answerAssignments(waitingForOthers: true)
        } while clock.time < time
        return clockDocument()
    }

    /// Moves the clock to `time` and every workspace with it; 20001 for a time before now.
    public func advance(to time: Double) throws(TwinError) {
        try clock.move(to: time)
        for index in workspaces.indices {
            workspaces[index].advance(to: time)
            if let engine = engines[workspaces[index].sid] {
                engine.simulation.advance(to: time)
                syncWorkers(index)
            }
        }
    }

    /// Moves the clock `seconds` (0 or more) forward, at most to ``TwinClock/latest``: a step
    /// of the realtime clock.
    public func tick(_ seconds: Double) {
        try? advance(to: min(clock.time + seconds, TwinClock.latest))
        sendAssignments()
    }

    // MARK: Results file

    /// `POST /routesim/v1/Snapshot`, and the end of a session with `--out`: writes each
    /// workspace's runs (``TwinEngine/sessionRuns(named:session:version:)``) to the results file in
    /// place of the previous snapshot's, and answers what was written. 400/20001 without
    /// `--out`; 500 when the file cannot be written (the file is then as it was).
    public func snapshot() throws(TwinError) -> AttributeValue {
        guard var file = output else {
            throw .invalidParameter("routesim serve was started without --out FILE: there is no results file to write")
        }
        var runs: [SessionRun] = []
        var workspaceSids: [String] = []
        for workspace in workspaces {
            guard let engine = engines[workspace.sid] else { continue }
            let made = engine.sessionRuns(named: workspace.friendlyName, session: file.session, version: version)
            runs += made
            workspaceSids += Array(repeating: workspace.sid, count: made.count)
        }
        let ids: [Int64]
        do {
            ids = try file.write(runs)
        } catch {
            throw TwinError(status: .internalServerError, code: 20500, message: "\(error)")
        }
        output = file
        let described: [AttributeValue] = runs.indices.map { index in
            let rows = runs[index].rows
            return [
                "run_id": .number(Double(ids[index])), "workspace_sid": .string(workspaceSids[index]),
                "friendly_name": .string(runs[index].spec.name), "tasks": .number(Double(rows.tasks.count)),
                "reservations": .number(Double(rows.reservations.count)),
                "activity_spans": .number(Double(rows.spans.count)), "events": .number(Double(rows.events.count)),
            ]
        }
        return ["path": .string(file.path), "time": .number(clock.time), "date": .string(clock.date(at: clock.time)),
                "runs": .array(described)]
    }

    // MARK: Helpers

    /// The live engine of the workspace at `owner`, built from its resources when it has none.
    func engine(_ owner: Int) -> TwinEngine {
        let sid = workspaces[owner].sid
        if let engine = engines[sid] { return engine }
        let engine = TwinEngine(workspace: workspaces[owner], seed: seed, at: clock.time, recording: output != nil)
        engines[sid] = engine
        followAssignments(engine, workspaces[owner])
        syncWorkers(owner)
        return engine
    }

    /// Refuses (400) a change that moves what routing reads while the workspace's engine
    /// cannot be built again (``TwinEngine/canRebuild``).
    private func checkRebuild(_ owner: Int) throws(TwinError) {
        guard let engine = engines[workspaces[owner].sid], !engine.canRebuild else { return }
        if engine.fromScenario {
            throw .invalidParameter("The workspace runs a scenario: routesim applies this change by building its engine again, which would lose the scenario's agents; only new queues and workflows and updates of queues, workflows and the attributes of workers created through the API reach its engine (docs/twin.md)")
        }
        let count = engine.simulation.liveTaskCount
        throw .invalidParameter("routesim applies this change by building the workspace's engine again, which it does only while no task is in flight, and \(count) task\(count == 1 ? " is" : "s are") in flight: complete or cancel \(count == 1 ? "it" : "them") first (docs/twin.md)")
    }

    /// ``checkRebuild(_:)`` once `change` has been made on a copy of the workspace, so that a
    /// bad parameter is named before the tasks in flight refuse the change.
    private func checkRebuild(_ owner: Int, trying change: (inout TwinWorkspace) throws(TwinError) -> Void) throws(TwinError) {
        var candidate = workspaces[owner]
        try change(&candidate)
        try checkRebuild(owner)
    }

    /// Builds the workspace's engine again after a change ``checkRebuild(_:)`` allowed.
    private func rebuild(_ owner: Int) {
        engines[workspaces[owner].sid]?.rebuild(from: workspaces[owner], seed: seed, at: clock.time)
        if let engine = engines[workspaces[owner].sid] { followAssignments(engine, workspaces[owner]) }
        syncWorkers(owner)
    }

    /// Copies the activity changes the workspace's engine made into its workers.
    func syncWorkers(_ owner: Int) {
        guard let engine = engines[workspaces[owner].sid] else { return }
        let workers = workspaces[owner].workers
        engine.log.nameReservations { w in
            workers.indices.contains(w) ? (workers[w].resource.sid, workers[w].resource.friendlyName) : nil
        }
        for change in engine.log.takeActivityChanges() where workspaces[owner].workers.indices.contains(change.worker) {
            workspaces[owner].workers[change.worker].resource.activity = change.activity
            workspaces[owner].workers[change.worker].resource.statusChanged = change.time
            workspaces[owner].workers[change.worker].updated = change.time
        }
        sendCallbacks(owner, engine.log)
    }

    /// Logs the event `type` of a change of workspace `owner` made through the API, at the
    /// current instant and numbered next among its engine's events, naming `subject` (nil for
    /// a task's event); `set` gives it the indexes, in the current build, of what the
    /// Events resource's filters (`WorkerSid`, `TaskQueueSid`, …) match it by. Then syncs
    /// the workers, which sends the events waiting for the workspace's `EventCallbackUrl`.
    func logChange(
        _ type: TaskRouterEventType, in owner: Int, naming subject: TwinEventSubject?, _ set: (inout EventRecord) -> Void = { _ in }
    ) {
        var event = EventRecord(type: type, time: clock.time, index: 0)
        set(&event)
        let engine = engine(owner)
        engine.make(event, naming: subject)
        syncWorkers(owner)
    }

    /// Hands the events waiting in `log`'s outbox to ``callbacks``, rendered against the
    /// workspace at `owner` as it is now.
    private func sendCallbacks(_ owner: Int, _ log: TwinEventLog) {
        let (events, overflow) = log.outbox.take()
        callbacks.drop(overflow)
        guard !events.isEmpty, let url = workspaces[owner].eventCallbackUrl, !url.isEmpty else { return }
        let shape = representation("")
        for event in events {
            callbacks.send(
                shape.eventCallback(event, subject: log.subject(of: event), of: workspaces[owner], tasks: log.tasks), to: url)
        }
    }

    /// Has `engine` call back the workflows of `workspace` that have an assignment callback
    /// URL, from now on.
    private func followAssignments(_ engine: TwinEngine, _ workspace: TwinWorkspace) {
        engine.log.assignments.follow(workspace)
        countAssignmentWatchers()
    }

    /// Sets ``watchingAssignments``: whether any engine calls back a workflow (the engines
    /// are only asked, in no order that matters). O(workspaces).
    private func countAssignmentWatchers() {
        watchingAssignments.store(engines.values.contains { $0.log.assignments.isOn }, ordering: .relaxed)
    }

    /// Sends the assignment callbacks a request caused and carries out their answers
    /// (``answerAssignments(waitingForOthers:)``), when any workflow has a callback URL; what
    /// the middleware calls after each request other than a GET.
    nonisolated func settleRequest() async {
        guard watchingAssignments.load(ordering: .relaxed) else { return }
        await answerAssignments()
    }

    /// The index of the workspace `sid`; 404 otherwise.
    func index(of sid: String) throws(TwinError) -> Int {
        guard let index = workspaces.firstIndex(where: { $0.sid == sid }) else { throw .notFound("/v1/Workspaces/" + sid) }
        return index
    }

    /// The JSON shapes for a request that reached the server at `baseURL`.
    func representation(_ baseURL: String) -> TwinRepresentation {
        TwinRepresentation(baseURL: baseURL, accountSid: credentials.accountSid, clock: clock)
    }

    /// The seed of the `index`-th workspace's SIDs: a different stream per workspace, so
    /// that SIDs never repeat across workspaces.
    static func workspaceSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var stream = RandomStream(seed: seed, replication: index, name: "twin.workspace")
        return stream.next()
    }
}
