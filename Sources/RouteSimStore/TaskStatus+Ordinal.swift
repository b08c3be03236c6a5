import RouteSim

/// Where the row writer finds a task status's text among its ``StaticTexts``.
extension TaskStatus {
    /// The status's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .pending: 0
        case .reserved: 1
        case .assigned: 2
        case .wrapping: 3
        case .completed: 4
        case .canceled: 5
        }
    }
}
