import Foundation

/// The query parameters of a statistics request, checked: the window of the cumulative
/// documents (`Minutes`, `StartDate`, `EndDate`), the `SplitByWaitTime` thresholds and the
/// `TaskChannel`.
///
/// The window is `Minutes` back from now (default 15), or from `StartDate` (default 15
/// minutes before the end) to `EndDate` (default now); an end after now is now, since
/// nothing has happened later, and a start after that end is refused. `Minutes` with
/// either date is refused, as TaskRouter does.
struct TwinStatisticsQuery {
    /// Start and end of the window (simulated s), both included.
    let from: Double
    let to: Double
    /// The `SplitByWaitTime` thresholds (s), in the order given, each once.
    let thresholds: [Double]
    /// Index of the `TaskChannel` in the workspace's channels; nil for every channel.
    let channel: Int?

    /// The longest window TaskRouter answers: 30 days, in minutes.
    static let maxMinutes = 43_200
    /// The default window, in minutes.
    static let defaultMinutes = 15
    /// The most `SplitByWaitTime` thresholds a request may give: each is counted for every
    /// event of the window.
    static let maxThresholds = 50

    /// The query of `parameters` for `workspace` at `now`; `time` reads an ISO 8601 date
    /// parameter as simulated time. 400/20001 for a bad value.
    init(
        _ parameters: TwinParameters, workspace: TwinWorkspace, now: Double,
        time: (String, String) throws(TwinError) -> Double
    ) throws(TwinError) {
        let minutes = try parameters.integer("Minutes", in: 1...Self.maxMinutes)
        let start = try parameters.value("StartDate").map { text throws(TwinError) in try time(text, "StartDate") }
        let end = try parameters.value("EndDate").map { text throws(TwinError) in try time(text, "EndDate") }
        if minutes != nil, start != nil || end != nil {
            throw .invalidParameter("Invalid Minutes: Minutes cannot be combined with StartDate or EndDate")
        }
        let window = Double(minutes ?? Self.defaultMinutes) * 60
        to = min(end ?? now, now)
        from = start ?? (to - window)
        if from > to {
            throw .invalidParameter("Invalid StartDate: StartDate must not be after EndDate, nor after the current time")
        }
        var thresholds: [Double] = []
        var seen: Set<Double> = []
        for text in parameters.values("SplitByWaitTime").flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 else {
                throw .invalidParameter("Invalid SplitByWaitTime: expected comma-separated numbers of seconds, 0 or more, got \"\(text)\"")
            }
            if seen.insert(seconds).inserted { thresholds.append(seconds) }
        }
        if thresholds.count > Self.maxThresholds {
            throw .invalidParameter("Invalid SplitByWaitTime: at most \(Self.maxThresholds) different thresholds, got \(thresholds.count)")
        }
        self.thresholds = thresholds
        channel = try parameters.value("TaskChannel").map { sid throws(TwinError) in
            try workspace.reference(.taskChannels, sid, parameter: "TaskChannel")
        }
    }
}
