import RouteSim

/// Where the row writer finds a reservation status's text among its ``StaticTexts``.
extension ReservationStatus {
    /// The status's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .pending: 0
        case .accepted: 1
        case .rejected: 2
        case .timeout: 3
        case .canceled: 4
        case .rescinded: 5
        case .wrapping: 6
        case .completed: 7
        }
    }
}
