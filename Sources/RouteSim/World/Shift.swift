/// A span of simulated time in which a group's agents work, with its breaks.
///
/// All times are seconds from the scenario start, breaks included (`at` is not relative
/// to the shift start). Outside every shift an agent is in the workspace's
/// `default_activity`; during a shift it is in its group's activity, except in breaks.
public struct Shift: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var breaks: [ShiftBreak]

    public init(start: Double, end: Double, breaks: [ShiftBreak] = []) {
        self.start = start
        self.end = end
        self.breaks = breaks
    }
}
