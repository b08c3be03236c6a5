import RouteSimKernel

/// Draws the arrival times of one stream from its own random stream.
///
/// A constant rate draws exponential gaps. A profile is a Poisson process whose rate is
/// constant within each period: the clock draws a unit-rate exponential and walks the
/// integrated rate across periods, which is exact and needs no thinning.
struct ArrivalClock {
    private let process: ArrivalProcess
    private let horizon: Double
    private var rng: RandomStream
    /// Position in a `.times` or `.trace` list.
    private var position = 0

    init(process: ArrivalProcess, horizon: Double, rng: RandomStream) {
        self.process = process
        self.horizon = horizon
        self.rng = rng
    }

    /// The next arrival after `time` (at or after it for a `.times` or `.trace` list), or nil when none
    /// comes before the horizon.
    mutating func next(after time: Double) -> Double? {
        let next: Double?
        switch process {
        case .poisson(let rate):
            next = rate > 0 ? time + rng.exponential(mean: 1 / rate) : nil
        case .profile(let every, let volumes):
            next = Self.walk(from: time, budget: rng.exponential(mean: 1), every: every, volumes: volumes)
        case .times(let times):
            next = position < times.count ? times[position] : nil
            position += 1
        case .trace(let callers):
            next = position < callers.count ? callers[position].time : nil
            position += 1
        }
        guard let next, next < horizon else { return nil }
        return next
    }

    /// The time at which the integrated profile rate from `time` reaches `budget`.
    private static func walk(from time: Double, budget: Double, every: Double, volumes: [Double]) -> Double? {
        var now = time
        var left = budget
        var period = Int(now / every)
        while period < volumes.count {
            let rate = volumes[period] / every
            let periodEnd = Double(period + 1) * every
            if rate > 0 {
                let reach = now + left / rate
                if reach < periodEnd { return reach }
                left -= (periodEnd - now) * rate
            }
            now = periodEnd
            period += 1
        }
        return nil
    }
}
