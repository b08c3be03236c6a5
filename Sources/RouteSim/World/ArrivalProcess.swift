/// When the callers of a stream arrive.
public enum ArrivalProcess: Sendable, Equatable {
    /// A Poisson process at a constant rate, in arrivals per second.
    case poisson(ratePerSecond: Double)
    /// A Poisson process whose rate is constant within each period of `every` seconds:
    /// `volumes[i]` expected arrivals in period i, none after the last period.
    case profile(every: Double, volumes: [Double])
    /// Callers at exactly these times (seconds, ascending): a test, or a day replayed by time only.
    case times([Double])
    /// Callers replayed from a file, ascending by time, each with its own values.
    case trace([TracedCaller])
}
