/// One TaskRouter statistics document (docs/taskrouter-fidelity.md, Statistics): a real-time snapshot or the
/// cumulative statistics of the workspace, one queue, one workflow or one worker.
///
/// ``json`` is the document itself with TaskRouter's snake_case field names, compact and
/// with keys sorted (``AttributeValue/jsonText``), so the same scenario and seed give the
/// same bytes. The other properties say what it describes without parsing it.
public struct StatisticsDocument: Sendable, Equatable {
    /// The resource a document describes.
    public enum Kind: String, Sendable, Equatable {
        /// The workspace (`/Workspaces/{WS}/…Statistics`).
        case workspace
        /// One TaskQueue (`/TaskQueues/{WQ}/…Statistics`).
        case taskQueue
        /// One Workflow (`/Workflows/{WW}/…Statistics`).
        case workflow
        /// One Worker (`/Workers/{WK}/CumulativeStatistics`).
        case worker
    }

    /// Whether a document is a snapshot at one instant or a count over a window.
    public enum Scope: String, Sendable, Equatable {
        /// Counted over [warm-up, end of run] (`…/CumulativeStatistics`).
        case cumulative
        /// The state at one instant (`…/RealTimeStatistics`).
        case realtime
    }

    /// The resource described.
    public var kind: Kind
    /// Index of the queue, workflow or worker in the spec; nil for the workspace.
    public var entity: Int?
    /// The resource's SID (`WS…`, `WQ…`, `WW…`, `WK…`).
    public var sid: String
    /// The resource's `friendly_name`.
    public var name: String
    /// Snapshot or cumulative.
    public var scope: Scope
    /// The snapshot's instant, or the end of the cumulative window (s).
    public var time: Double
    /// The document: compact JSON, keys sorted.
    public var json: String

    /// A document with every property given.
    public init(kind: Kind, entity: Int?, sid: String, name: String, scope: Scope, time: Double, json: String) {
        self.kind = kind
        self.entity = entity
        self.sid = sid
        self.name = name
        self.scope = scope
        self.time = time
        self.json = json
    }
}
