/// Everything one run needs, as plain values: the workspace, the world around it and the
/// run's clock settings. Built by the scenario loader, read by ``Simulation``.
public struct SimulationSpec: Sendable, Equatable {
    /// The scenario name.
    public var name: String
    /// Arrivals stop at this time (s); the run goes on until every task present has ended.
    public var horizon: Double
    /// Tasks created before this time (s) are left out of KPIs.
    public var warmup: Double
    /// Length of a KPI interval (s).
    public var interval: Double
    /// The service-level threshold (s).
    public var serviceLevel: Double
    /// The run seed.
    public var seed: UInt64
    /// The replication number; with the seed it derives every random stream.
    public var replication: Int
    public var workspace: Workspace
    public var workerGroups: [WorkerGroup]
    public var arrivals: [ArrivalStream]
    /// Multitasking speed per task channel, indexed like ``Workspace/taskChannels``.
    public var multitasking: [MultitaskingSpeed]
    /// The local date and time that simulated time 0 stands for (`start:`), as
    /// `YYYY-MM-DDTHH:MM:SS`; nil when the scenario gives none. The engine does not read it:
    /// results add clock times from it.
    public var start: String?
    /// How long synthetic agents work tasks created through the REST API, per channel
    /// (indexed like ``Workspace/taskChannels``); nil for a channel: as the first arrival
    /// stream on it (``apiWork(channel:)``).
    public var apiTasks: [APITaskWork?] = []

    public init(
        name: String, horizon: Double, warmup: Double = 0, interval: Double = 1800,
        serviceLevel: Double = 20, seed: UInt64 = 1, replication: Int = 0,
        workspace: Workspace, workerGroups: [WorkerGroup], arrivals: [ArrivalStream],
        multitasking: [MultitaskingSpeed]? = nil, start: String? = nil
    ) {
        self.name = name
        self.horizon = horizon
        self.warmup = warmup
        self.interval = interval
        self.serviceLevel = serviceLevel
        self.seed = seed
        self.replication = replication
        self.workspace = workspace
        self.workerGroups = workerGroups
        self.arrivals = arrivals
        self.multitasking = multitasking ?? Array(repeating: .none, count: workspace.taskChannels.count)
        self.start = start
    }

    /// The KPI intervals of a run: the horizon in intervals, the last one possibly partial, at least one.
    public var intervalCount: Int { max(1, Int((horizon / interval).rounded(.up))) }

    /// How long a synthetic agent works a task created through the REST API on `channel`:
    /// ``apiTasks``' entry, else the first arrival stream on the channel's times, else the
    /// first stream's, else none at all (work ends at once).
    public func apiWork(channel: Int) -> APITaskWork {
        if channel < apiTasks.count, let given = apiTasks[channel] { return given }
        guard let stream = arrivals.first(where: { $0.channel == channel }) ?? arrivals.first else {
            return APITaskWork(handleTime: .fixed(0), wrapupTime: nil)
        }
        return APITaskWork(handleTime: stream.handleTime, wrapupTime: stream.wrapupTime)
    }

    /// The workers of every group, in group order, named `<group>-001`... with SIDs from
    /// the seed, except those the group names or gives SIDs itself
    /// (``WorkerGroup/workerNames``, ``WorkerGroup/workerSids``). A run's worker indexes are
    /// positions in this list (``RunNumbering``).
    public func makeWorkers() -> [Worker] {
        let sids = SidGenerator(seed: seed)
        var workers: [Worker] = []
        workers.reserveCapacity(workerGroups.reduce(0) { $0 + $1.count })
        for (groupIndex, group) in workerGroups.enumerated() {
            let width = max(3, String(group.count).count)
            let names = group.workerNames ?? []
            let givenSids = group.workerSids ?? []
            for number in 1...max(group.count, 1) where group.count > 0 {
                let digits = String(number)
                let name = number <= names.count
                    ? names[number - 1]
                    : group.name + "-" + String(repeating: "0", count: width - digits.count) + digits
                let sid = number <= givenSids.count ? givenSids[number - 1] : sids.sid(.worker, workers.count)
                workers.append(Worker(sid: sid, friendlyName: name, group: groupIndex))
            }
        }
        return workers
    }
}
