/// One `order_by` clause: `worker.<attribute> ASC|DESC`.
public struct OrderByClause: Sendable, Equatable {
    /// The worker attribute path after `worker.`.
    public var path: [String]
    /// True for `DESC`.
    public var descending: Bool

    public init(path: [String], descending: Bool) {
        self.path = path
        self.descending = descending
    }
}
