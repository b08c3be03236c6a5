/// One entry of a workflow's `task_routing.filters`: an expression over task attributes
/// and the targets a matching task goes through, in order.
public struct WorkflowFilter: Sendable, Equatable {
    /// `filter_friendly_name`, if given.
    public var friendlyName: String?
    /// The filter `expression` over task attributes (bare keys).
    public var expression: Expression
    /// At least one target.
    public var targets: [WorkflowTarget]

    public init(friendlyName: String?, expression: Expression, targets: [WorkflowTarget]) {
        self.friendlyName = friendlyName
        self.expression = expression
        self.targets = targets
    }
}
