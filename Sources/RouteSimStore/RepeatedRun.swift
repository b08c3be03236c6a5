/// A run left out of its group's estimates because it repeats an earlier run of the group:
/// the same configuration, seed and replication, so the same callers and the same result
/// (running a command twice unchanged makes one).
public struct RepeatedRun: Sendable, Equatable {
    /// The run left out.
    public var runID: Int64
    /// The earlier run it repeats, which is counted.
    public var original: Int64

    /// Creates the record of `runID` repeating `original`.
    public init(runID: Int64, original: Int64) {
        self.runID = runID
        self.original = original
    }
}
