import RouteSim

/// A run simulated elsewhere and handed over whole: its rows, the names they refer to by
/// index, and its KPIs. A live run of the TaskRouter twin (`routesim serve --out`), whose
/// tasks may carry attribute sets and streams its spec does not list.
public struct SessionRun: Sendable {
    /// The `runs` row's descriptive columns.
    public var info: RunInfo
    /// The run's settings: the names and SIDs of its resources and workers, by the indexes
    /// its rows use.
    public var spec: SimulationSpec
    /// The seed its task, reservation and event SIDs derive from, which may differ from
    /// the spec's (the twin numbers them per workspace).
    public var sidSeed: UInt64
    /// Stream names by ``TaskRecord/stream``, in place of the spec's arrival names.
    public var streams: [String]
    /// Attribute sets as JSON text by ``TaskRecord/profile`` and ``EventRecord/profile``.
    public var taskAttributes: [String]
    /// The rows, events included, as the store's sink would have received them.
    public var rows: RecordedRows
    /// The KPIs.
    public var result: SimulationResult

    public init(
        info: RunInfo, spec: SimulationSpec, sidSeed: UInt64, streams: [String], taskAttributes: [String],
        rows: RecordedRows, result: SimulationResult
    ) {
        self.info = info
        self.spec = spec
        self.sidSeed = sidSeed
        self.streams = streams
        self.taskAttributes = taskAttributes
        self.rows = rows
        self.result = result
    }
}
