/// One case of docs/validation.md (The cases) as the engine runs it: a center built in
/// code, the numbers known for it from closed-form formulas, and how each is measured.
///
/// Each replication is one long run with a warm-up (Erlang values are steady-state values,
/// and a day that starts empty answers better); the replication means give a Student-t
/// interval that should contain each known value (``ValidationDecision`` says at which
/// confidence).
/// Agents answer at once, so a wait is 0 exactly when an agent was free.
public struct ValidationCase: Sendable {
    /// `E1` … `E4`.
    public var id: String
    /// What tells the case from others with its id: `14 agents`, `beta 1`.
    public var setting: String
    /// What the case is, with its parameters, e.g. `Erlang C, 14 agents: A = 10 Erlangs, ...`.
    public var title: String
    /// The center; ``spec(replication:seed:)`` sets the replication and seed. Its arrival
    /// stream is named after the case (`E1 12 agents`), so cases draw independent callers
    /// from one seed and one unlucky sample cannot fail every case at once.
    public var spec: SimulationSpec
    public var quantities: [ValidationQuantity]

    public init(id: String, setting: String, title: String, spec: SimulationSpec, quantities: [ValidationQuantity]) {
        self.id = id
        self.setting = setting
        self.title = title
        self.spec = spec
        self.quantities = quantities
    }

    /// The center of replication `replication` of experiment `seed`.
    public func spec(replication: Int, seed: UInt64) -> SimulationSpec {
        var spec = spec
        spec.replication = replication
        spec.seed = seed
        return spec
    }

    /// Each quantity's value in `result`, the run that fed `tally`, in quantity order.
    public func values(_ result: SimulationResult, _ tally: WaitTally) -> [Double] {
        quantities.map { $0.measure.value(result, tally) }
    }

    /// Runs replication `replication` of experiment `seed` and returns each quantity's value.
    public func measure(replication: Int, seed: UInt64) -> [Double] {
        let spec = spec(replication: replication, seed: seed)
        let tally = WaitTally(warmup: spec.warmup)
        var simulation = Simulation(spec: spec)
        let result = simulation.run(sink: tally)
        return values(result, tally)
    }

    /// The estimate of each quantity at `confidence` from
    /// per-replication values (``measure(replication:seed:)``, one array per replication).
    public func estimates(from samples: [[Double]], confidence: Double = 0.95) -> [Estimate] {
        quantities.indices.map { q in Estimate(samples.map { $0[q] }, confidence: confidence) }
    }

    // MARK: - The cases

    /// The cases E1–E4 as `routesim selftest` runs them: E1 with 12–15 agents, E2 with
    /// 54–56, E3, E4 with beta 0 and 1. Horizons are long enough that the steady-state bias is
    /// small against the interval width with 10 replications.
    public static let standard: [ValidationCase] =
        (12...15).map { erlangC(id: "E1", agents: $0, arrivalRate: 1.0 / 18, meanHandle: 180, threshold: 20,
                                horizon: 200 * 3600, warmup: 2 * 3600) }
        + (54...56).map { erlangC(id: "E2", agents: $0, arrivalRate: 0.2, meanHandle: 240, threshold: 15,
                                  horizon: 200 * 3600, warmup: 2 * 3600) }
        + [erlangA(agents: 10, arrivalRate: 10, meanHandle: 1, threshold: 1, horizon: 4_000, warmup: 50)]
        + [0.0, 1.0].map { multitasking(beta: $0, horizon: 2_000 * 3600, warmup: 20 * 3600) }

    /// E1/E2: M/M/c, one FIFO queue, nobody hangs up; P(wait > 0), SL(threshold), ASA and
    /// occupancy from ``ErlangC``.
    public static func erlangC(
        id: String, agents: Int, arrivalRate: Double, meanHandle: Double, threshold: Double,
        horizon: Double, warmup: Double
    ) -> ValidationCase {
        let formula = ErlangC(arrivalRate: arrivalRate, meanHandle: meanHandle, agents: agents)
        let spec = center(
            agents: agents, arrivalRate: arrivalRate, meanHandle: meanHandle, meanPatience: nil,
            horizon: horizon, warmup: warmup, threshold: threshold, stream: "\(id) \(agents) agents")
        return ValidationCase(
            id: id, setting: "\(agents) agents",
            title: "Erlang C, \(agents) agents: A = \(number(formula.offeredLoad)) Erlangs, "
                + "handle \(number(meanHandle)) s, threshold \(number(threshold)) s, no abandonment",
            spec: spec,
            quantities: [
                ValidationQuantity("P(wait > 0)", expected: formula.probabilityOfWait, measure: .probabilityOfWait),
                ValidationQuantity(
                    "SL(\(number(threshold)) s)", expected: formula.serviceLevel(threshold: threshold),
                    measure: .serviceLevel),
                ValidationQuantity("ASA", expected: formula.averageSpeedOfAnswer, measure: .averageSpeedOfAnswer, unit: "s"),
                ValidationQuantity("occupancy", expected: formula.occupancy, measure: .occupancy),
            ])
    }

    /// E3: M/M/c+M with mean patience = mean handle; P(wait > 0), P(abandon) and the mean
    /// wait of all arrivals from ``ErlangA``.
    public static func erlangA(
        agents: Int, arrivalRate: Double, meanHandle: Double, threshold: Double, horizon: Double, warmup: Double
    ) -> ValidationCase {
        let formula = ErlangA(arrivalRate: arrivalRate, meanHandle: meanHandle, agents: agents)
        let spec = center(
            agents: agents, arrivalRate: arrivalRate, meanHandle: meanHandle, meanPatience: meanHandle,
            horizon: horizon, warmup: warmup, threshold: threshold, stream: "E3 \(agents) agents")
        return ValidationCase(
            id: "E3", setting: "\(agents) agents",
            title: "Erlang A with patience = handle (M/M/infinity), \(agents) agents: "
                + "lambda \(number(arrivalRate))/s, handle and patience \(number(meanHandle)) s",
            spec: spec,
            quantities: [
                ValidationQuantity("P(wait > 0)", expected: formula.probabilityOfWait, measure: .probabilityOfWait),
                ValidationQuantity("P(abandon)", expected: formula.probabilityOfAbandon, measure: .probabilityOfAbandon),
                ValidationQuantity("mean wait", expected: formula.meanWait, measure: .meanWait, unit: "s"),
            ])
    }

    /// E4: one agent with up to 3 chats, single-chat handle 6 min, 0.15 chats per minute,
    /// handle with k chats = 6 min × (1 + beta (k − 1)). beta 0 is M/M/3 (``ErlangC`` with 3
    /// agents): mean in system, P(wait > 0), mean wait. beta 1 is processor sharing at one
    /// agent's speed, whose mean in system is M/M/1's (``ErlangC`` with 1 agent), busy 90 %.
    public static func multitasking(beta: Double, horizon: Double, warmup: Double) -> ValidationCase {
        let rate = 0.15 / 60
        let handle = 360.0
        let threads = ErlangC(arrivalRate: rate, meanHandle: handle, agents: 3)
        let shared = ErlangC(arrivalRate: rate, meanHandle: handle, agents: 1)
        var spec = center(
            agents: 1, arrivalRate: rate, meanHandle: handle, meanPatience: nil, horizon: horizon, warmup: warmup,
            threshold: 20, stream: "E4 beta \(number(beta))", chats: 3)
        spec.multitasking[chat] = .linear(beta: beta)
        let quantities = beta == 0
            ? [
                ValidationQuantity("mean in system", expected: threads.meanInSystem, measure: .meanInSystem(arrivalRate: rate)),
                ValidationQuantity("P(wait > 0)", expected: threads.probabilityOfWait, measure: .probabilityOfWait),
                ValidationQuantity("mean wait", expected: threads.averageSpeedOfAnswer, measure: .meanWait, unit: "s"),
            ]
            : [
                ValidationQuantity("mean in system", expected: shared.meanInSystem, measure: .meanInSystem(arrivalRate: rate)),
                ValidationQuantity("busy fraction", expected: shared.occupancy, measure: .occupancy),
            ]
        return ValidationCase(
            id: "E4", setting: "beta \(number(beta))",
            title: "Multitasking, beta \(number(beta)): 1 agent, up to 3 chats, handle 6 min, 0.15 chats/min",
            spec: spec, quantities: quantities)
    }

    /// Index of the `chat` channel among the default task channels.
    private static let chat = Workspace.defaultTaskChannels.firstIndex { $0.uniqueName == "chat" }!

    /// One FIFO queue every agent serves, a workflow that sends everything there, `agents`
    /// agents who answer at once, and one Poisson stream named `stream` with exponential
    /// handle times (and patience, when given): on voice, or on chat with `chats` per agent.
    public static func center(
        agents: Int, arrivalRate: Double, meanHandle: Double, meanPatience: Double?, horizon: Double,
        warmup: Double, threshold: Double, stream: String = "calls", chats: Int? = nil
    ) -> SimulationSpec {
        let sids = SidGenerator(seed: 0)
        let activities = Workspace.defaultActivities.enumerated().map {
            Activity(sid: sids.sid(.activity, $0.offset), friendlyName: $0.element.friendlyName, available: $0.element.available)
        }
        let channels = Workspace.defaultTaskChannels.enumerated().map {
            TaskChannel(sid: sids.sid(.taskChannel, $0.offset), uniqueName: $0.element.uniqueName, friendlyName: $0.element.friendlyName)
        }
        let voice = channels.firstIndex { $0.uniqueName == "voice" }!
        let channel = chats == nil ? voice : chat
        let workspace = Workspace(
            sid: sids.sid(.workspace, 0), friendlyName: "Validation",
            defaultActivity: activities.firstIndex { !$0.available }!, timeoutActivity: activities.firstIndex { !$0.available }!,
            activities: activities, taskChannels: channels,
            taskQueues: [TaskQueue(sid: sids.sid(.taskQueue, 0), friendlyName: "Calls")],
            workflows: [Workflow(sid: sids.sid(.workflow, 0), friendlyName: "Flow", filters: [],
                                 defaultFilter: WorkflowTarget(queue: 0))])
        var capacities = Array(repeating: 0, count: channels.count)
        capacities[channel] = chats ?? 1
        let group = WorkerGroup(
            name: "agents", count: agents, attributes: .emptyObject, capacities: capacities,
            activity: activities.firstIndex { $0.available }!)
        let calls = ArrivalStream(
            name: stream, channel: channel, workflow: 0, process: .poisson(ratePerSecond: arrivalRate),
            handleTime: .exponential(mean: meanHandle), patience: meanPatience.map { .exponential(mean: $0) })
        return SimulationSpec(
            name: "validation", horizon: horizon, warmup: warmup, interval: horizon,
            serviceLevel: threshold, workspace: workspace, workerGroups: [group], arrivals: [calls])
    }

    /// A number for titles: whole numbers without a fraction, others as Swift prints them.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
