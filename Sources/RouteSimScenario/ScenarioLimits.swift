/// The ranges routesim sets on a scenario's numbers beyond TaskRouter's own (which are
/// checked where they are read): they keep every run finite in time and memory, and every
/// value exact. docs/scenario.md gives them key by key.
enum ScenarioLimits {
    /// The longest duration anywhere (horizon, times, distribution parameters): 366 days.
    static let longestDuration = 31_622_400.0
    /// The shortest KPI interval and profile period, in seconds.
    static let shortestPeriod = 1.0
    /// The most KPI intervals (horizon / interval, rounded up).
    static let mostIntervals = 1_000_000
    /// The longest service-level threshold: 14 days, the longest task TTL (no wait is longer).
    static let longestServiceLevel = 1_209_600.0
    /// The most workers in a group, and in all groups together.
    static let mostWorkers = 1_000_000
    /// The largest capacity of a worker on a channel.
    static let mostCapacity = 1_000
    /// The highest arrival rate of a stream, per second (a `rate`, or a `profile` period's).
    static let highestRate = 1_000.0
    /// The largest `k` of an erlang distribution.
    static let mostErlangPhases = 1_000
    /// The range of a gamma `shape`.
    static let gammaShapes = 0.001...1_000_000.0
    /// The range of a weibull `shape`: below it a draw can overflow (x^(1/shape) of the
    /// largest −log U a random stream gives).
    static let weibullShapes = 0.1...1_000.0
    /// The largest value of a distribution of plain numbers (`rate_multiplier`).
    static let largestFactor = 100.0
    /// The largest empirical weight.
    static let largestWeight = 1e9
    /// The range of a multitasking slowdown factor (a `table` entry); `beta` is at most its top.
    static let slowdowns = 0.001...1_000.0
}
