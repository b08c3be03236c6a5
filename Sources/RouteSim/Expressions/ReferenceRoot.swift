/// The context field a reference resolves in, so the engine can tell what an expression reads.
public enum ReferenceRoot: Sendable, Hashable {
    /// `ExpressionContext.attributes` (bare keys, `.attributes` scope).
    case attributes
    /// `ExpressionContext.task` (`task.` references, `.taskAndWorker` scope).
    case task
    /// `ExpressionContext.worker` (`worker.` references, `.taskAndWorker` scope).
    case worker
    /// `ExpressionContext.workers` (`workers.` references, `.workerCounts` scope).
    case workers
}
