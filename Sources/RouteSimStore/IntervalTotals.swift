import RouteSim

/// One interval of one queue (or of all queues), summed over a set of runs: what the
/// report plots through the day.
///
/// Counts and sums are totals over ``runs``, so the ratios of ``kpis`` (service level,
/// ASA, occupancy) are pooled over the replications, exact as in docs/schema.md; divide a
/// count by ``runs`` for the mean per run. `longestWait` is the longest of any run.
public struct IntervalTotals: Sendable, Equatable {
    /// The queue's friendly name; nil for the row over all queues.
    public var queue: String?
    /// The interval number, from 0.
    public var interval: Int
    /// Interval start and end (s from the scenario start).
    public var start: Double
    public var end: Double
    /// Whether the interval starts before the warm-up ends.
    public var warmup: Bool
    /// The number of runs summed.
    public var runs: Int
    /// Mean staffed agents over the runs (the queue's members for a queue row).
    public var staffedAgents: Double
    /// The interval's KPIs with counts and sums totalled over the runs.
    public var kpis: KPIs

    /// The mean over the runs of a total such as `kpis.offered`.
    public func perRun(_ total: Int) -> Double {
        Double(total) / Double(runs)
    }
}
