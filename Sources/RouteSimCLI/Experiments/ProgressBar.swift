import Foundation

/// A one-line progress bar on the terminal's standard error: runs done, rate and time left.
///
/// ``forTerminal(total:)`` gives nil when standard error is not a terminal, so piped and
/// redirected output stays free of it.
struct ProgressBar {
    /// The number of runs planned.
    let total: Int
    /// When the first run started.
    private let start = ContinuousClock.now

    /// Cells of the bar.
    private static let width = 30

    /// A bar for `total` runs, or nil when standard error is not a terminal.
    static func forTerminal(total: Int) -> ProgressBar? {
        isatty(STDERR_FILENO) != 0 ? ProgressBar(total: total) : nil
    }

    /// Redraws the line for `done` runs finished.
    func show(done: Int) {
        let elapsed = Self.seconds(ContinuousClock.now - start)
        let filled = total > 0 ? Self.width * done / total : Self.width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : nil
        let line = "\r\(bar) \(done)/\(total) runs  \(String(format: "%.1f", rate)) runs/s  "
            + "left \(left.map(Self.clock) ?? "--:--")\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line.
    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    /// A duration in seconds.
    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
