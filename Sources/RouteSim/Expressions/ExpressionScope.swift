/// Where an expression is used, which decides what its references may name and where they resolve.
///
/// The scope is fixed at parse time: a reference that the scope forbids is a parse error, never a runtime `null`.
public enum ExpressionScope: Sendable {
    /// Bare keys resolved in `ExpressionContext.attributes`: TaskQueue `target_workers` (over worker attributes)
    /// and workflow filter `expression` (over task attributes) (docs/taskrouter-fidelity.md, Expressions). `task.x` here is just the
    /// path `task` → `x` inside those attributes, not the task.
    case attributes
    /// Workflow target `expression`: every reference starts with `task.` (resolved in `ExpressionContext.task`)
    /// or `worker.` (resolved in `ExpressionContext.worker`); a bare reference is a parse error (docs/taskrouter-fidelity.md, Expressions).
    /// The root names are case-sensitive [inf].
    case taskAndWorker
    /// Target `skip_if`: every reference starts with `workers.` (`workers.available`, `workers.unavailable`,
    /// `workers.<anything>`) and resolves in `ExpressionContext.workers`; any other root is a parse error
    /// (docs/taskrouter-fidelity.md, Expressions).
    case workerCounts
}
