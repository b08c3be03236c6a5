/// The order in which a TaskQueue hands out its tasks (`task_order`), also used for the
/// workspace's `prioritize_queue_order`.
public enum QueueOrder: String, Sendable, Equatable, CaseIterable {
    /// Highest priority first, then oldest.
    case fifo = "FIFO"
    /// Newest first, ignoring priority.
    case lifo = "LIFO"
}
