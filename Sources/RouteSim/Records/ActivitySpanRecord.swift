/// One row per span of time a worker spent in one activity.
public struct ActivitySpanRecord: Sendable, Equatable {
    public var worker: Int
    /// Index into ``Workspace/activities``.
    public var activity: Int
    public var start: Double
    public var end: Double

    public init(worker: Int, activity: Int, start: Double, end: Double) {
        self.worker = worker
        self.activity = activity
        self.start = start
        self.end = end
    }
}
