/// The two-letter prefixes of TaskRouter SIDs (TASKROUTER.md §0.2).
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
}
