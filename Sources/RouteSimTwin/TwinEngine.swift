import RouteSim
import RouteSimScenario
import RouteSimStore

/// The live engine under one twin workspace: a ``Simulation`` run with
/// ``Simulation/startLive(sink:)``, and the ``TwinEventLog`` it reports to.
///
/// The engine numbers activities, channels, queues, workflows and workers by position, as
/// the workspace does. A worker created or moved to another activity, a queue or workflow created,
/// and an update of a workflow, a queue or a worker's attributes, reach the running engine directly (``Twin``
/// calls the ``Simulation``'s live commands). A change that moves those numbers or what
/// else routing read of them (an activity, a channel, a worker's channels, a delete) is applied by building the engine again from the workspace,
/// which routesim does only while no task is in flight (``rebuild(from:seed:at:)``).
///
/// With `routesim serve --out`, each build of the engine is a run of the results file
/// (``sessionRuns(named:session:version:)``), its rows kept by a ``TwinRecorder``.
final class TwinEngine {
    /// The running engine.
    var simulation: Simulation
    /// What it has told.
    let log: TwinEventLog
    /// The run's settings: the workspace's model, and the scenario's world when it has one.
    private var spec: SimulationSpec
    /// Whether the engine came from a scenario, whose synthetic workers a rebuild from the
    /// workspace would lose.
    let fromScenario: Bool
    /// With `--out`, what the current run keeps; nil otherwise, the log then being the sink.
    private var recorder: TwinRecorder?
    /// With `--out`, the runs of the builds before the current one that kept anything: what
    /// each kept, with the engine's settings and KPIs when it was built again.
    private var endedRuns: [(recorder: TwinRecorder, spec: SimulationSpec, result: SimulationResult)] = []

    /// An engine for `workspace`, with its workers, standing at `time`; `recording` keeps
    /// its rows for a results file.
    init(workspace: TwinWorkspace, seed: UInt64, at time: Double, recording: Bool) {
        spec = Self.spec(of: workspace, seed: seed)
        log = TwinEventLog(streamAttributes: [], sids: workspace.numberedSids)
        fromScenario = false
        recorder = recording ? TwinRecorder(log: log) : nil
        simulation = Simulation(spec: spec)
        log.outbox.follow(workspace)
        start(at: time, workers: workspace.workers.map(\.resource))
    }

    /// An engine running a scenario's `spec` (its arrivals, agents and shifts) from time 0,
    /// under `workspace`, which holds the scenario's resources; `recording` keeps its rows.
    init(scenario spec: SimulationSpec, workspace: TwinWorkspace, recording: Bool) {
        self.spec = spec
        log = TwinEventLog(streamAttributes: spec.arrivals.map(\.attributes.jsonText), sids: workspace.numberedSids)
        fromScenario = true
        recorder = recording ? TwinRecorder(log: log) : nil
        simulation = Simulation(spec: spec)
        log.outbox.follow(workspace)
        simulation.startLive(sink: recorder ?? log)
    }

    /// The settings of a run of `workspace`'s model with no world around it: no arrivals,
    /// no synthetic agents; workers come from the workspace.
    private static func spec(of workspace: TwinWorkspace, seed: UInt64) -> SimulationSpec {
        SimulationSpec(
            name: workspace.friendlyName, horizon: 86_400, seed: seed, workspace: workspace.makeWorkspace(),
            workerGroups: [], arrivals: [])
    }

    /// Starts the run at `time` and adds `workers` in order.
    private func start(at time: Double, workers: [TwinWorker]) {
        simulation.startLive(sink: recorder ?? log)
        simulation.advance(to: time)
        for worker in workers { add(worker) }
    }

    /// Whether a change that needs a rebuild can be made now: no task in flight, and the
    /// engine not a scenario's (whose agents are not the workspace's workers).
    var canRebuild: Bool {
        !fromScenario && simulation.liveTaskCount == 0
    }

    /// Builds the engine again from `workspace` at `time` (``canRebuild`` must hold):
    /// numbering goes on from the last run's, and what the log keeps moves to the new
    /// build's indexes.
    func rebuild(from workspace: TwinWorkspace, seed: UInt64, at time: Double) {
        precondition(canRebuild, "an engine is rebuilt only while no task is in flight")
        if let recorder {
            if !recorder.rows.isEmpty { endedRuns.append((recorder, simulation.spec, simulation.resultSoFar())) }
            self.recorder = TwinRecorder(log: log)
        }
        let made = simulation.madeCounts
        log.continueNumbering(tasks: made.tasks, reservations: made.reservations, events: made.events)
        log.renumber(TwinRenumbering(from: simulation.spec, to: workspace))
        spec = Self.spec(of: workspace, seed: seed)
        simulation = Simulation(spec: spec)
        start(at: time, workers: workspace.workers.map(\.resource))
    }

    /// The engine's runs for a results file (`routesim serve --out`), each named `name`:
    /// those of its earlier builds, then the current one with its KPIs up to now, each left
    /// out if it recorded nothing. `session` tells this session's runs from another's in the
    /// same file (``sessionRun(rows:spec:result:build:session:version:)``). Empty without `--out`.
    func sessionRuns(named name: String, session: String, version: String) -> [SessionRun] {
        guard let recorder else { return [] }
        let current = recorder.rows.isEmpty ? [] : [(recorder: recorder, spec: simulation.spec, result: simulation.resultSoFar())]
        return (endedRuns + current).enumerated().map { build, run in
            var spec = run.spec
            spec.name = name
            return sessionRun(
                rows: run.recorder.rows, spec: spec, result: run.result, build: build, session: session, version: version)
        }
    }

    /// One run for a results file: `rows` as a run of `spec` made them, each task's
    /// attributes those the log holds for it (a scenario stream's, or the application's),
    /// streams named as the spec names its arrivals, then `api.<channel>` for the tasks
    /// created through the API, and SIDs numbered as the workspace numbers them. Its
    /// configuration fingerprint is made of `session`, its workspace's SID, `build` (its place
    /// among the engine's runs, from 0) and its settings, so `routesim report` pools no two
    /// runs, neither of one session nor of two sessions whose SIDs repeat (the same `--seed`).
    private func sessionRun(
        rows: RecordedRows, spec: SimulationSpec, result: SimulationResult, build: Int, session: String, version: String
    ) -> SessionRun {
        var rows = rows
        var attributes: [String] = []
        var profiles: [String: Int] = [:]
        func profile(ofTask number: Int) -> Int {
            let text = log.tasks.indices.contains(number) ? log.tasks[number].attributes : "{}"
            if let known = profiles[text] { return known }
            profiles[text] = attributes.count
            attributes.append(text)
            return attributes.count - 1
        }
        for index in rows.tasks.indices { rows.tasks[index].profile = profile(ofTask: rows.tasks[index].index) }
        for index in rows.events.indices where rows.events[index].profile != nil {
            rows.events[index].profile = rows.events[index].task.map(profile(ofTask:))
        }
        let streams = spec.arrivals.map(\.name) + spec.workspace.taskChannels.map { "api." + $0.uniqueName }
        let configuration = ConfigurationHash()
            .adding("routesim serve \(session) \(spec.workspace.sid) build \(build)").adding(String(describing: spec)).description
        return SessionRun(
            info: RunInfo(spec: spec, overrides: [], version: version, configuration: configuration), spec: spec,
            sidSeed: log.sids.seed,
            streams: streams, taskAttributes: attributes, rows: rows, result: result)
    }

    /// Logs `event`, which the twin makes for a change through the API, at the current
    /// instant, numbered next among the engine's events; it names `subject` when about a
    /// resource rather than a task.
    func make(_ event: EventRecord, naming subject: TwinEventSubject?) {
        var event = event
        event.time = simulation.time
        event.index = simulation.madeCounts.events
        log.keep(made: event, naming: subject)
    }

    /// Adds a worker created through the API.
    func add(_ worker: TwinWorker) {
        let capacities = worker.channels.map(\.resource.capacity)
        let off = worker.channels.indices.filter { !worker.channels[$0].resource.available }
        _ = simulation.addWorker(
            sid: worker.sid, friendlyName: worker.friendlyName, attributes: worker.attributes, activity: worker.activity,
            capacities: capacities, unavailableChannels: off, activitySince: worker.statusChanged)
    }

    /// Creates a task now; returns its number in the workspace.
    func createTask(
        attributes: AttributeValue, text: String, workflow: Int, channel: Int, priority: Int, timeout: Double
    ) -> Int {
        let ordinal = simulation.createTask(
            attributes: attributes, workflow: workflow, channel: channel, priority: priority, timeout: timeout)
        let number = log.taskNumber(ordinal)
        log.setAttributes(ofTask: number, text, timeout: timeout)
        return number
    }
}
