/// The two-letter prefixes of TaskRouter SIDs (docs/taskrouter-fidelity.md, SIDs and a new workspace).
public enum SidPrefix: String, Sendable, CaseIterable {
    case workspace = "WS"
    case activity = "WA"
    case worker = "WK"
    case workerChannel = "WC"
    case taskQueue = "WQ"
    case workflow = "WW"
    case task = "WT"
    case reservation = "WR"
    case taskChannel = "TC"
    case event = "EV"

    /// The prefix's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .workspace: 0
        case .activity: 1
        case .worker: 2
        case .workerChannel: 3
        case .taskQueue: 4
        case .workflow: 5
        case .task: 6
        case .reservation: 7
        case .taskChannel: 8
        case .event: 9
        }
    }
}
