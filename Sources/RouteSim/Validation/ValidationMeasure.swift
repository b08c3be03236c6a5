/// How one replication of a validation case yields one number, and which definition that
/// number follows (service levels differ between tools, so every number says which it is).
public enum ValidationMeasure: Sendable, Equatable {
    /// Tasks that waited at all / tasks created after the warm-up.
    case probabilityOfWait
    /// Answered within the threshold / offered (g3, ``KPIs/slOffered``). Without
    /// abandonment it equals Erlang's P(wait <= t) and the other definitions.
    case serviceLevel
    /// Mean wait of answered tasks, seconds (``KPIs/asa``).
    case averageSpeedOfAnswer
    /// Busy / staffed agent time after the warm-up (``KPIs/occupancy``).
    case occupancy
    /// Callers who hung up / offered (``KPIs/abandonRate``).
    case probabilityOfAbandon
    /// Mean wait of all tasks (answered or abandoned), seconds.
    case meanWait
    /// Mean number in system by Little's law: `arrivalRate` (per second) × mean time in
    /// system of the tasks created after the warm-up (all of which complete).
    case meanInSystem(arrivalRate: Double)

    /// The value in one run that produced `result` and fed `tally`; NaN when the run had
    /// nothing to measure it on.
    public func value(_ result: SimulationResult, _ tally: WaitTally) -> Double {
        let kpis = result.summary
        let tasks = Double(tally.tasks)
        switch self {
        case .probabilityOfWait: return Double(tally.waited) / tasks
        case .serviceLevel: return kpis.slOffered ?? .nan
        case .averageSpeedOfAnswer: return kpis.asa ?? .nan
        case .occupancy: return kpis.occupancy ?? .nan
        case .probabilityOfAbandon: return kpis.abandonRate ?? .nan
        case .meanWait: return tally.waitTotal / tasks
        case .meanInSystem(let rate): return rate * tally.sojournTotal / tasks
        }
    }

    /// The definition in words, as reports print it.
    public var definition: String {
        switch self {
        case .probabilityOfWait: return "tasks that waited at all / arrivals"
        case .serviceLevel: return "answered within the threshold / arrivals (Erlang SL, g3)"
        case .averageSpeedOfAnswer: return "mean wait of answered tasks"
        case .occupancy: return "busy agent time / staffed agent time"
        case .probabilityOfAbandon: return "callers who hung up / arrivals"
        case .meanWait: return "mean wait of all arrivals, answered or not"
        case .meanInSystem: return "arrival rate x mean time in system (Little's law)"
        }
    }
}
