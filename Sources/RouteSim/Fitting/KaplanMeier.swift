/// The Kaplan–Meier estimate of the survival of patience, P(patience > t): the
/// non-parametric check of the parametric fits, with no assumption on its shape.
///
/// At each time a caller hangs up, the survival falls by the share of the callers still at
/// risk (waiting and not yet censored) who hang up then.
public struct KaplanMeier: Sendable {
    /// The times at which someone hung up, ascending, and the survival just after each.
    public var steps: [(time: Double, survival: Double)] = []

    /// The estimate from hang-up times and censoring times. O(n log n).
    public init(abandoned: [Double], censored: [Double]) {
        var events = abandoned.map { ($0, true) } + censored.map { ($0, false) }
        // At equal times, hang-ups come first: the censored are still at risk then.
        events.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 && !$1.1) }
        var atRisk = Double(events.count)
        var survival = 1.0
        var i = 0
        while i < events.count {
            let time = events[i].0
            var deaths = 0.0
            var leaving = 0.0
            while i < events.count, events[i].0 == time {
                if events[i].1 { deaths += 1 }
                leaving += 1
                i += 1
            }
            if deaths > 0 {
                survival *= 1 - deaths / atRisk
                steps.append((time, survival))
            }
            atRisk -= leaving
        }
    }

    /// P(patience > t).
    public func survival(at t: Double) -> Double {
        var low = 0
        var high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].time <= t { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 1 : steps[low - 1].survival
    }

    /// The first time the survival falls to `level` or below; nil when it never does (so many
    /// were answered that the data do not reach that far into patience).
    public func quantile(survival level: Double) -> Double? {
        steps.first { $0.survival <= level }?.time
    }
}
