import RouteSim

/// The live engine under one twin workspace: a ``Simulation`` run with
/// ``Simulation/startLive(sink:)``, and the ``TwinEventLog`` it reports to.
///
/// The engine numbers activities, channels, queues, workflows and workers by position, as
/// the workspace does. A change that moves those numbers or what routing read of them (a
/// queue, a workflow, an activity, a channel, a worker's attributes or channels, a delete)
/// is applied by building the engine again from the workspace, which routesim does only
/// while no task is in flight (``rebuild(from:at:)``); a worker created or moved to another
/// activity reaches the running engine directly.
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

    /// An engine for `workspace`, with its workers, standing at `time`.
    init(workspace: TwinWorkspace, seed: UInt64, at time: Double) {
        spec = Self.spec(of: workspace, seed: seed)
        log = TwinEventLog(streamAttributes: [], sids: workspace.numberedSids)
        fromScenario = false
        simulation = Simulation(spec: spec)
        log.outbox.follow(workspace)
        start(at: time, workers: workspace.workers.map(\.resource))
    }

    /// An engine running a scenario's `spec` (its arrivals, agents and shifts) from time 0,
    /// under `workspace`, which holds the scenario's resources.
    init(scenario spec: SimulationSpec, workspace: TwinWorkspace) {
        self.spec = spec
        log = TwinEventLog(streamAttributes: spec.arrivals.map(\.attributes.jsonText), sids: workspace.numberedSids)
        fromScenario = true
        simulation = Simulation(spec: spec)
        log.outbox.follow(workspace)
        simulation.startLive(sink: log)
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
        simulation.startLive(sink: log)
        simulation.advance(to: time)
        for worker in workers { add(worker) }
    }

    /// Whether a change that needs a rebuild can be made now: no task in flight, and the
    /// engine not a scenario's (whose agents are not the workspace's workers).
    var canRebuild: Bool {
        !fromScenario && simulation.liveTaskCount == 0
    }

    /// Builds the engine again from `workspace` at `time` (``canRebuild`` must hold):
    /// numbering goes on from the last run's.
    func rebuild(from workspace: TwinWorkspace, seed: UInt64, at time: Double) {
        precondition(canRebuild, "an engine is rebuilt only while no task is in flight")
        let made = simulation.madeCounts
        log.continueNumbering(tasks: made.tasks, reservations: made.reservations, events: made.events)
        spec = Self.spec(of: workspace, seed: seed)
        simulation = Simulation(spec: spec)
        start(at: time, workers: workspace.workers.map(\.resource))
    }

    /// Adds a worker created through the API.
    func add(_ worker: TwinWorker) {
        let capacities = worker.channels.map(\.resource.capacity)
        let off = worker.channels.indices.filter { !worker.channels[$0].resource.available }
        _ = simulation.addWorker(
            sid: worker.sid, friendlyName: worker.friendlyName, attributes: worker.attributes, activity: worker.activity,
            capacities: capacities, unavailableChannels: off)
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
