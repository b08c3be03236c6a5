import RouteSim
import RouteSimScenario

/// The shifts `staff --shifts` asks for, in intervals, and the `workers:` block of the
/// fewest such shifts covering the counts found per interval.
///
/// Each distinct shift (start, length) becomes one group, since all workers of a group
/// change activity together: `<group>-at-<start>-<length>`, with the original group's other
/// keys (attributes, channels, activity, answer) as written in the scenario. Groups that
/// were not searched are written unchanged.
struct StaffShifts {
    /// The shift lengths, in intervals.
    var lengths: [Int]
    /// The break length, in intervals (0: no break).
    var breakLength: Int
    /// The scenario's interval, in seconds.
    var interval: Double

    /// Reads `--shifts` (durations separated by commas) and `--shift-break` (a duration),
    /// each a whole number of intervals, every shift at least two intervals longer than
    /// the break.
    init(shifts: String, shiftBreak: String?, interval: Double) throws(ExperimentError) {
        self.interval = interval
        func intervals(_ text: String, option: String) throws(ExperimentError) -> Int {
            guard let seconds = DurationSyntax.seconds(text), seconds > 0, seconds.isFinite else {
                throw ExperimentError("\(option) \(text): expected a duration such as 4h, 30m or 1800, found \"\(text)\"")
            }
            let count = seconds / interval
            guard count == count.rounded(), count <= Double(Int32.max) else {
                throw ExperimentError(
                    "\(option) \(text): expected a whole number of the scenario's intervals (\(Self.duration(interval))), found \(Self.duration(seconds))")
            }
            return Int(count)
        }
        var lengths: [Int] = []
        for text in shifts.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            lengths.append(try intervals(text, option: "--shifts"))
        }
        self.lengths = lengths
        breakLength = try shiftBreak.map { text throws(ExperimentError) in try intervals(text, option: "--shift-break") } ?? 0
        if breakLength > 0, let short = lengths.min(), short < breakLength + 2 {
            throw ExperimentError(
                "--shifts \(Self.duration(Double(short) * interval)) with --shift-break \(Self.duration(Double(breakLength) * interval)): "
                    + "expected shifts at least two intervals longer than the break, so that it falls inside the shift")
        }
    }

    /// The `workers:` block: `scenario`'s groups, those at `searched` replaced by the fewest
    /// shifts covering `counts[slot]` agents per interval; and the groups whose count of
    /// shifts is not proven the fewest (``ShiftCover/provenFewest``).
    func workers(scenario: Scenario, searched: [Int], counts: [[Int]]) -> (block: String, unproven: [String]) {
        var unproven: [String] = []
        let kept = ["group", "count", "sid", "shifts"]
        var lines: [String] = []
        for (index, group) in scenario.spec.workerGroups.enumerated() {
            let keys = scenario.workerKeys[group.name] ?? []
            guard let slot = searched.firstIndex(of: index) else {
                lines.append("  - " + keys.map { "\($0.key): \($0.yaml)" }.joined(separator: "\n    "))
                continue
            }
            let other = keys.filter { !kept.contains($0.key) }.map { "\n    \($0.key): \($0.yaml)" }.joined()
            let cover = ShiftCover(counts: counts[slot], lengths: lengths, breakLength: breakLength)
            if !cover.provenFewest { unproven.append(group.name) }
            for block in cover.blocks {
                let start = Double(block.start) * interval
                let name = "\(group.name)-at-\(Self.duration(start))-\(Self.duration(Double(block.length) * interval))"
                let breaks = block.breakStart.map {
                    ", breaks: [{at: \(Self.duration(Double($0) * interval)), length: \(Self.duration(Double(breakLength) * interval))}]"
                } ?? ""
                lines.append(
                    "  - group: \(AttributeValue.string(name).jsonText)\n    count: \(block.count)"
                        + "\n    shifts: [{start: \(Self.duration(start)), end: \(Self.duration(start + Double(block.length) * interval))\(breaks)}]"
                        + other)
            }
        }
        return (lines.isEmpty ? "workers: []" : "workers:\n" + lines.joined(separator: "\n"), unproven)
    }

    /// Seconds in the scenario's duration syntax, in the largest unit that divides them:
    /// `8h`, `90m`, `45s`, `0.5s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds == seconds.rounded() else { return "\(seconds)s" }
        let whole = Int(seconds)
        if whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole % 60 == 0 { return "\(whole / 60)m" }
        return "\(whole)s"
    }
}
