/// A TaskRouter statistics document as stored in a results file.
public struct StoredStatistics: Sendable, Equatable {
    public var runId: Int64
    /// `cumulative` or `realtime`.
    public var scope: String
    /// The snapshot instant, or the end of the cumulative window (s).
    public var time: Double
    /// `workspace`, `taskQueue`, `workflow` or `worker`.
    public var kind: String
    public var sid: String
    public var name: String
    /// The document, compact JSON.
    public var document: String
}
