import RouteSim

/// What identifies a run besides its rows: the `runs` row's descriptive columns.
///
/// The clock settings repeat the ``SimulationSpec``'s so that the row shows what the run
/// was actually given after overrides; the store writes them as they are here.
public struct RunInfo: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The variant name, or nil for the scenario as written.
    public var variant: String?
    /// The replication number.
    public var replication: Int
    /// The run seed; stored as a signed 64-bit integer with the same bits (seeds of 2^63 and
    /// more appear negative).
    public var seed: UInt64
    /// Simulated seconds after which arrivals stop.
    public var horizon: Double
    /// Simulated seconds at the start left out of KPIs.
    public var warmup: Double
    /// Length of a KPI interval (s).
    public var interval: Double
    /// The service-level threshold (s).
    public var serviceLevel: Double
    /// The workspace's `multi_task_enabled`.
    public var multiTaskEnabled: Bool
    /// The `KEY=VALUE` overrides given on the command line, in the order given.
    public var overrides: [String]
    /// The routesim version that made the run.
    public var version: String
    /// The experiment the run belongs to (``ResultStore/beginExperiment(_:arguments:)``),
    /// nil for none.
    public var experimentID: Int64?
    /// The values varied at this run's point of a sweep or staffing search, as a JSON
    /// object (`{"workers.agents.count": 13}`); nil elsewhere.
    public var point: String?
    /// The fingerprint of the configuration simulated (the scenario layer's
    /// `ConfigurationHash`, 16 hex digits); runs group as replications only when it is the
    /// same. Nil when unknown.
    public var configuration: String?
    /// The `run_id` to record the run under, nil for the next free one. Replications run in
    /// parallel take ids reserved in advance (``ResultStore/nextRunID()``) so that their ids
    /// do not depend on which finishes first.
    public var runID: Int64?

    /// Creates a run description; every field is stored as given.
    public init(
        scenario: String, variant: String? = nil, replication: Int, seed: UInt64, horizon: Double,
        warmup: Double, interval: Double, serviceLevel: Double, multiTaskEnabled: Bool,
        overrides: [String] = [], version: String, experimentID: Int64? = nil, point: String? = nil,
        configuration: String? = nil, runID: Int64? = nil
    ) {
        self.scenario = scenario
        self.variant = variant
        self.replication = replication
        self.seed = seed
        self.horizon = horizon
        self.warmup = warmup
        self.interval = interval
        self.serviceLevel = serviceLevel
        self.multiTaskEnabled = multiTaskEnabled
        self.overrides = overrides
        self.version = version
        self.experimentID = experimentID
        self.point = point
        self.configuration = configuration
        self.runID = runID
    }

    /// The description of a run of `spec` as it will be simulated: clock settings, seed,
    /// replication and `multi_task_enabled` from the spec.
    public init(
        spec: SimulationSpec, variant: String? = nil, overrides: [String], version: String,
        experimentID: Int64? = nil, point: String? = nil, configuration: String?
    ) {
        self.init(
            scenario: spec.name, variant: variant, replication: spec.replication, seed: spec.seed,
            horizon: spec.horizon, warmup: spec.warmup, interval: spec.interval, serviceLevel: spec.serviceLevel,
            multiTaskEnabled: spec.workspace.multiTaskEnabled, overrides: overrides, version: version,
            experimentID: experimentID, point: point, configuration: configuration)
    }
}
