/// A TaskRouter Workflow (`WW…`) with its configuration already parsed and resolved.
public struct Workflow: Sendable, Equatable {
    /// The `WW…` SID.
    public var sid: String
    /// TaskRouter's `friendly_name`; arrival streams name their workflow by it.
    public var friendlyName: String
    /// `task_reservation_timeout`, seconds (1...86,400, default 120).
    public var taskReservationTimeout: Double
    /// `task_routing.filters`, evaluated top to bottom.
    public var filters: [WorkflowFilter]
    /// `task_routing.default_filter`: used only when no filter matched, never as a
    /// time-out fallback (docs/taskrouter-fidelity.md, Workflow rules item 5).
    public var defaultFilter: WorkflowTarget?

    public init(
        sid: String, friendlyName: String, taskReservationTimeout: Double = 120,
        filters: [WorkflowFilter], defaultFilter: WorkflowTarget?
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.taskReservationTimeout = taskReservationTimeout
        self.filters = filters
        self.defaultFilter = defaultFilter
    }
}
