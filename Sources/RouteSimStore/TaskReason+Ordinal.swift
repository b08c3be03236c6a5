import RouteSim

/// Where the row writer finds a task reason's text among its ``StaticTexts``.
extension TaskReason {
    /// Every reason: completed, then the cancel reasons in ``CancelReason``'s order.
    static let allCases: [TaskReason] = [.completed] + CancelReason.allCases.map { .canceled($0) }

    /// The reason's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .completed: 0
        case .canceled(.abandoned): 1
        case .canceled(.ttl): 2
        case .canceled(.workflowTimeout): 3
        case .canceled(.workflowSkipped): 4
        case .canceled(.noMatchingFilter): 5
        case .canceled(.maxAssignments): 6
        case .canceled(.application): 7
        }
    }
}
