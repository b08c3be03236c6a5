/// How many agents spent an interval in one activity, on average over a set of runs.
///
/// From the `worker_activity` spans, cut at the interval's bounds: worker-seconds in the
/// activity during the interval / interval length / runs with spans.
public struct ActivityAgents: Sendable, Equatable {
    /// The interval number, from 0.
    public var interval: Int
    /// Interval start and end (s from the scenario start).
    public var start: Double
    public var end: Double
    /// The activity's friendly name.
    public var activity: String
    /// Whether the activity is available (its workers can be offered tasks).
    public var available: Bool
    /// Mean number of agents in the activity over the interval.
    public var agents: Double
}
