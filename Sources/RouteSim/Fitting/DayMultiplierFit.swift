#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The day-to-day over-dispersion of a stream's volume, as the simulator's `rate_multiplier`:
/// a gamma factor of mean 1 and standard deviation `sd` that multiplies a whole day.
///
/// Day totals N_d are then Poisson(m·M_d) with M_d gamma of mean 1 and variance v = sd², so
/// negative binomial with mean m and size 1/v. For any v the likelihood is largest at m = the
/// mean of the totals, so the profile likelihood of v is the likelihood at that m; sd is its
/// maximum, and the 95 % interval holds every sd whose profile log-likelihood is within
/// 3.84/2 of it (the χ² quantile with one degree of freedom). Over-dispersion is `shown`
/// when the likelihood-ratio statistic against v = 0 (Poisson days) exceeds 2.71, the 5 %
/// test at the boundary of the parameter space (half a χ²₁).
///
/// With `groups` (a day of the week for each day), each group has its own mean m_g and the
/// factor is the spread within a group: for any v the likelihood is largest at each group's
/// mean, so the profile is taken there. Days of a group without calls say nothing and are left out.
public struct DayMultiplierFit: Sendable {
    /// The multiplier's standard deviation with its profile-likelihood interval.
    public var sd: FittedParameter
    /// 2·(ln L at sd − ln L at 0).
    public var likelihoodRatio: Double
    /// Days the fit saw.
    public var days: Int

    /// Whether the days vary more than Poisson arrivals explain, at the 5 % level.
    public var shown: Bool { likelihoodRatio > 2.705543454095404 }

    /// The fit from each day's total, days of the same `groups` value sharing a mean (one
    /// group when nil); nil for fewer than two days or no calls.
    public init?(dayTotals: [Int], groups: [Int]? = nil) {
        let groups = groups ?? dayTotals.map { _ in 0 }
        var sums: [Int: (calls: Int, days: Int)] = [:]
        for (total, group) in zip(dayTotals, groups) {
            let sum = sums[group] ?? (0, 0)
            sums[group] = (sum.calls + total, sum.days + 1)
        }
        let observed = zip(dayTotals, groups).compactMap { total, group -> (count: Int, mean: Double)? in
            let sum = sums[group]!
            return sum.calls > 0 ? (total, Double(sum.calls) / Double(sum.days)) : nil
        }
        guard dayTotals.count >= 2, !observed.isEmpty else { return nil }
        self.days = dayTotals.count
        func logLikelihood(_ sd: Double) -> Double {
            let v = sd * sd
            guard v > 1e-12 else {
                return observed.reduce(0) { $0 + Double($1.count) * log($1.mean) - $1.mean - lgamma(Double($1.count) + 1) }
            }
            let r = 1 / v
            return observed.reduce(0) { sum, day in
                let (n, mean) = (Double(day.count), day.mean)
                return sum + lgamma(n + r) - lgamma(r) - lgamma(n + 1) + r * log(r / (r + mean)) + n * log(mean / (r + mean))
            }
        }
        // The profile over a grid in sd, refined by golden sections around the best point.
        let grid = (0...400).map { Double($0) / 400 * 2 }
        let values = grid.map(logLikelihood)
        let bestIndex = values.indices.max { values[$0] < values[$1] }!
        var low = grid[max(bestIndex - 1, 0)]
        var high = grid[min(bestIndex + 1, grid.count - 1)]
        let golden = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 {
            let a = high - golden * (high - low)
            let b = low + golden * (high - low)
            if logLikelihood(a) < logLikelihood(b) { low = a } else { high = b }
        }
        let best = (low + high) / 2
        let maximum = logLikelihood(best)
        let cut = maximum - 3.841458820694124 / 2
        /// The sd between `inside` (above the cut) and `outside` (below it) where the profile crosses it.
        func crossing(_ inside: Double, _ outside: Double) -> Double {
            var (inside, outside) = (inside, outside)
            for _ in 0..<60 {
                let middle = (inside + outside) / 2
                if logLikelihood(middle) >= cut { inside = middle } else { outside = middle }
            }
            return (inside + outside) / 2
        }
        let lower = logLikelihood(0) >= cut ? 0 : crossing(best, 0)
        var upperBound = max(2 * best, 0.5)
        while logLikelihood(upperBound) >= cut, upperBound < 100 { upperBound *= 2 }
        sd = FittedParameter(name: "sd", value: best, low: lower, high: crossing(best, upperBound))
        likelihoodRatio = max(0, 2 * (maximum - logLikelihood(0)))
    }
}
