/// One run's summary KPIs as stored: the `runs` row's identity and KPI columns, and the
/// run's `queue_summary` rows.
public struct StoredRunKPIs: Sendable {
    public var runID: Int64
    public var experimentID: Int64?
    /// The command that made the run's experiment (`experiments.command`), nil without one.
    public var command: String?
    public var scenario: String
    public var variant: String?
    /// The JSON object of a sweep or staffing point's values, nil elsewhere.
    public var point: String?
    public var replication: Int
    /// The run seed (`runs.seed`, read back with the bits it was stored with).
    public var seed: UInt64
    /// The configuration's fingerprint (`runs.configuration_hash`), nil for runs stored
    /// before routesim recorded it.
    public var configuration: String?
    /// The `--set` overrides the run was given (`runs.overrides`), in the order given.
    public var overrides: [String]
    /// The KPI values in the order of ``ResultStore/kpiNames``; nil where the column is NULL
    /// (a ratio with nothing to divide by).
    public var kpis: [Double?]
    /// Each queue's KPI values, in the order of ``ResultStore/kpiNames``, by queue order.
    public var queues: [(queue: String, kpis: [Double?])]

    /// The value of the KPI called `name` (a ``ResultStore/kpiNames`` entry), nil when NULL.
    public func value(_ name: String) -> Double? {
        ResultStore.kpiNames.firstIndex(of: name).flatMap { kpis[$0] }
    }

    /// Whether `other` is a replication of the same configuration: same experiment,
    /// scenario, variant, point and configuration hash (runs without a hash group with each
    /// other by the rest, as before routesim recorded it).
    public func sameGroup(as other: StoredRunKPIs) -> Bool {
        experimentID == other.experimentID && scenario == other.scenario && variant == other.variant
            && point == other.point && configuration == other.configuration
    }

    /// Whether `other` is the same sample as this run: the same configuration (known),
    /// seed and replication, so the same callers and the same result.
    public func repeats(_ other: StoredRunKPIs) -> Bool {
        configuration != nil && sameGroup(as: other) && seed == other.seed && replication == other.replication
    }
}
