/// Why a task ended, as its row's `reason` column and its last event say it.
///
/// With ``CancelReason`` the one owner of the reason texts (``text``): the engine's events
/// and the store's `reason` column both take them from here.
///
/// A value of fixed size (no string inside), so a ``TaskRecord`` copies as plain bytes on its
/// way to the row writer.
public enum TaskReason: Sendable, Equatable, BitwiseCopyable {
    /// Its agent completed it.
    case completed
    /// It was canceled, for `reason`.
    case canceled(CancelReason)

    /// The text of the `reason` column: "Task completed", TaskRouter's words for a task its
    /// worker completed, or the ``CancelReason``'s.
    public var text: String {
        switch self {
        case .completed: "Task completed"
        case .canceled(let reason): reason.rawValue
        }
    }
}
