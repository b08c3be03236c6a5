import RouteSimKernel

/// What a run of a spec will hold in memory, estimated before it starts from the sizes of
/// the engine's own state: the workforce (workers × channels, and their places in the idle
/// lists of their queues × channels), the KPI grid (intervals × queues), the routing tables
/// (targets × task profiles × groups), the callers in flight at the offered load, and the
/// rows a run keeps until they are written.
///
/// Callers in flight follow Little's law at the offered load: each stream's peak arrival
/// rate (times its `rate_multiplier`'s typical value) times twice its handle plus wrap-up
/// time (in service, and waiting as long again), plus, on a channel whose offered work
/// exceeds its agents' capacity, the share that cannot be served times how long a caller
/// waits (patience or TTL, whichever is shorter); no stay counts beyond the horizon. Every
/// traced caller counts as in flight. A rough estimate, meant to refuse runs that cannot
/// fit the machine, not to size a run to the byte.
public struct MemoryEstimate: Sendable, Equatable {
    /// Workers, their channels and their idle-list entries, in bytes.
    public var workers: Double
    /// The KPI grid and the interval rows it becomes, in bytes.
    public var intervals: Double
    /// The routing tables, in bytes.
    public var routing: Double
    /// The callers in flight, in bytes.
    public var callers: Double
    /// The rows kept until the run is written (none when they stream to the writer), in bytes.
    public var rows: Double

    /// The whole estimate, in bytes.
    public var total: Double { workers + intervals + routing + callers + rows }

    /// The estimate for a run of `spec`; `keepsRows` when the run's task, reservation and
    /// activity rows (and its events, with `keepsEvents`) stay in memory until the run ends.
    public init(spec: SimulationSpec, keepsRows: Bool, keepsEvents: Bool) {
        let channelCount = Double(spec.workspace.taskChannels.count)
        let queueCount = Double(spec.workspace.taskQueues.count)
        workers = spec.workerGroups.reduce(0) { total, group in
            let memberQueues = spec.workspace.taskQueues.filter {
                $0.targetWorkers.evaluate(ExpressionContext(attributes: group.attributes))
            }.count
            let channels = Double(group.capacities.filter { $0 > 0 }.count)
            let perWorker = Double(MemoryLayout<Worker>.stride + MemoryLayout<WorkerState>.stride + Self.namesAndStatistics)
                + channelCount * Double(MemoryLayout<WorkerChannelState>.stride)
                + Double(group.capacities.reduce(0, +)) * Double(MemoryLayout<Int32>.stride)
                + Double(memberQueues) * channels * Double(MemoryLayout<IdleEntry>.stride) * Self.heapSlack
            return total + Double(group.count) * perWorker
        }
        let intervalCount = (spec.horizon / spec.interval).rounded(.up)
        intervals = intervalCount * (queueCount + 1)
            * Double(MemoryLayout<KPIs>.stride + MemoryLayout<IntervalRecord>.stride)
        let profiles = spec.arrivals.reduce(0.0) { total, stream in
            if case .trace(let callers) = stream.process { return total + 1 + Double(callers.count) }
            return total + 1
        }
        let targets = spec.workspace.workflows.reduce(0.0) { total, workflow in
            total + Double(workflow.filters.reduce(0) { $0 + $1.targets.count } + (workflow.defaultFilter == nil ? 0 : 1))
        }
        routing = targets * profiles * Double(max(1, spec.workerGroups.count))
        var capacity = Array(repeating: 0.0, count: spec.workspace.taskChannels.count)
        for group in spec.workerGroups {
            for (c, units) in group.capacities.enumerated() where c < capacity.count { capacity[c] += Double(group.count) * Double(units) }
        }
        var peaks: [(stream: ArrivalStream, rate: Double)] = []
        var arrivals = 0.0
        var offered = Array(repeating: 0.0, count: capacity.count)
        var inFlight = 0.0
        for stream in spec.arrivals {
            let factor = stream.rateMultiplier.map(Self.typical) ?? 1
            switch stream.process {
            case .poisson(let rate):
                peaks.append((stream, rate * factor))
                arrivals += rate * factor * spec.horizon
            case .profile(let every, let volumes):
                let periods = Int(min(Double(volumes.count), (spec.horizon / every).rounded(.up)))
                peaks.append((stream, (volumes.max() ?? 0) / every * factor))
                arrivals += volumes.prefix(periods).reduce(0, +) * factor
            case .times(let times):
                inFlight += Double(times.count)
                arrivals += Double(times.count)
            case .trace(let callers):
                inFlight += Double(callers.count)
                arrivals += Double(callers.count)
            }
        }
        for (stream, rate) in peaks where stream.channel < offered.count {
            offered[stream.channel] += rate * Self.work(stream)
        }
        for (stream, rate) in peaks {
            let c = min(stream.channel, offered.count - 1)
            let unserved = offered[c] > capacity[c] ? 1 - capacity[c] / offered[c] : 0
            let wait = min(stream.timeout, stream.patience.map(Self.typical) ?? stream.timeout)
            inFlight += rate * (2 * min(Self.work(stream), spec.horizon) + unserved * min(wait, spec.horizon))
        }
        callers = inFlight * Double(Self.perCaller)
        let perRow = MemoryLayout<TaskRecord>.stride + 2 * MemoryLayout<ReservationRecord>.stride
            + (keepsEvents ? Self.eventsPerCaller * MemoryLayout<EventRecord>.stride : 0)
        rows = keepsRows ? arrivals * Double(perRow) : 0
    }

    /// Bytes per worker beyond its state: its name and SID strings and its statistics document.
    private static let namesAndStatistics = 1024

    /// Growth room of the arrays that grow as they fill.
    private static let heapSlack = 2.0

    /// TaskRouter events recorded per caller, about: created, reserved, accepted, completed
    /// and the worker updates around them.
    private static let eventsPerCaller = 10

    /// Bytes per caller in flight: its task slot, its place in a queue and in its stream's
    /// TTL list, its timers, and a reservation.
    private static let perCaller = Int(heapSlack) * (MemoryLayout<TaskState>.stride + MemoryLayout<PendingEntry>.stride
        + MemoryLayout<TaskDeadline>.stride + MemoryLayout<ReservationState>.stride
        + 3 * MemoryLayout<ScheduledEvent<EngineEvent>>.stride)

    /// The agent time a caller of `stream` takes: handle plus wrap-up time.
    private static func work(_ stream: ArrivalStream) -> Double {
        typical(stream.handleTime) + (stream.wrapupTime.map(typical) ?? 0)
    }

    /// A value near the top of what `distribution` draws: its mean, or for a normal its mean
    /// plus one sd (the truncation at 0 raises it), for an empirical table its largest value.
    private static func typical(_ distribution: Distribution) -> Double {
        switch distribution {
        case .uniform(_, let max): max
        case .normal(let mean, let sd): mean + sd
        case .empirical(let table): table.values.max() ?? 0
        default: distribution.mean
        }
    }
}
