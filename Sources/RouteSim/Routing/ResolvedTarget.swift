/// A workflow target flattened for routing: where it sits in its workflow and its
/// deadline measured from the moment the task entered the filter.
struct ResolvedTarget {
    /// The routing workflow it belongs to (``RoutingTable/filterStart``): its workflow's
    /// index, or a replaced configuration's when a live run changed the workflow.
    var workflow: Int32
    /// Filter index; -1 for the default filter.
    var filter: Int32
    /// Position among the filter's targets.
    var position: Int32
    var target: WorkflowTarget
    /// Sum of this and the earlier targets' timeouts (cumulative on the task-age clock:
    /// docs/taskrouter-fidelity.md, Workflow rules item 4); nil when this target or an
    /// earlier one has none.
    var deadline: Double?
    /// Id of the next target in the same filter; -1 for the last one.
    var next: Int32
}
