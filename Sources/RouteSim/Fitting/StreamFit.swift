/// What ``HistoryFitter`` estimates for one stream: volumes per interval of the day, the day
/// multiplier, and the distributions of handle time, wrap-up and patience.
public struct StreamFit: Sendable {
    public var name: String
    /// Calls in the history, by outcome.
    public var offered: Int
    public var answered: Int
    public var abandoned: Int
    public var waiting: Int
    /// Expected calls per interval of the day, from the profile's first interval: the mean over
    /// the days with its Student-t interval (Poisson's for a single day).
    public var volumes: [FittedParameter]
    /// The volumes of each day of the week in ``HistoryFit/weekdays``, in its order, as `volumes`
    /// over that day of the week's days only.
    public var weekdayVolumes: [[FittedParameter]] = []
    /// The day multiplier within a day of the week (each with its own mean); nil without
    /// ``weekdayVolumes``.
    public var weekdayMultiplier: DayMultiplierFit?
    /// The calls of each day in each interval of the profile, days in the order they come.
    public var dayCounts: [[Int]]
    /// The calls of each day, in the order the days come.
    public var dayTotals: [Int] { dayCounts.map { $0.reduce(0, +) } }
    /// Nil for fewer than two days.
    public var dayMultiplier: DayMultiplierFit?
    /// The handle-time data and its fits.
    public var handle: DurationFitter
    public var handleFits: [DurationFit]
    /// Nil when the history has no wrap-up times for the stream.
    public var wrapup: DurationFitter?
    public var wrapupFits: [DurationFit]
    /// The patience data (abandoned and censored waits) and its fits.
    public var patience: PatienceFitter
    public var patienceFits: [DurationFit]
    public var kaplanMeier: KaplanMeier
}
