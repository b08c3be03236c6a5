/// A scenario's worth of estimates from a contact center's history: per stream, and the
/// agents seen at work.
public struct HistoryFit: Sendable {
    /// The interval length in seconds.
    public var interval: Double
    /// The interval of the day the profile starts at (0 = the one starting at midnight).
    public var firstInterval: Int
    /// Intervals from the first to the last that had a call on some day.
    public var intervalCount: Int
    /// Days with at least one call.
    public var days: Int
    /// The days of the week (0–6, days from the history's first day modulo 7) with a profile of
    /// their own; empty when the history has too few weeks (``HistoryFitter/daysPerWeekday``).
    public var weekdays: [Int]
    public var streams: [StreamFit]
    /// Distinct agents who answered or worked a call in each interval of the profile, mean over
    /// the days; nil when the history names no agents.
    public var agentsSeen: [Double]?
    /// Agents on shift in each interval of the profile (from an agent's first answer of a day
    /// to the end of its last call), mean over the days; nil when the history names no agents.
    public var agentsOnShift: [Double]?
}
