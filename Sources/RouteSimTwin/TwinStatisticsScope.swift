/// Which of a resource's statistics documents a request asks for.
enum TwinStatisticsScope: CaseIterable {
    /// `…/Statistics`: `{"cumulative": {…}, "realtime": {…}}`.
    case combined
    /// `…/RealTimeStatistics`: the state at the current instant.
    case realtime
    /// `…/CumulativeStatistics`: the events of a window.
    case cumulative

    /// The path segment that names it.
    var pathSegment: String {
        switch self {
        case .combined: "Statistics"
        case .realtime: "RealTimeStatistics"
        case .cumulative: "CumulativeStatistics"
        }
    }
}
