#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RouteSimKernel

/// Fits complete durations (handle times, wrap-ups) by maximum likelihood: exponential,
/// lognormal and gamma, each with its Kolmogorov–Smirnov distance, the best by AIC.
///
/// Durations below ``smallest`` count as ``smallest``: records kept in whole seconds hold
/// zeros, which no family with a density at 0 of 0 or ∞ can take.
public struct DurationFitter: Sendable {
    /// The smallest duration a fit sees, in seconds.
    public static let smallest = 0.5

    /// The durations, sorted ascending, each at least ``smallest``.
    public let sorted: [Double]

    /// Prepares `durations` (seconds, any order). O(n log n).
    public init(_ durations: [Double]) {
        sorted = durations.map { max($0, Self.smallest) }.sorted()
    }

    /// Exponential, lognormal and gamma fits; empty for fewer than two durations. O(n) each
    /// plus the Kolmogorov–Smirnov pass.
    public func fits() -> [DurationFit] {
        let n = Double(sorted.count)
        guard sorted.count >= 2 else { return [] }
        var sum = 0.0
        var logSum = 0.0
        for x in sorted {
            sum += x
            logSum += log(x)
        }
        let mean = sum / n
        let logMean = logSum / n
        var logSquares = 0.0
        for x in sorted {
            let d = log(x) - logMean
            logSquares += d * d
        }
        let sigma = max((logSquares / n).squareRoot(), 1e-9)

        let exponential = DurationFit(
            family: .exponential,
            parameters: [FittedParameter(name: "mean", value: mean, standardError: mean / n.squareRoot(), positive: true)],
            logLikelihood: -n * log(mean) - n)
        let lognormal = DurationFit(
            family: .lognormal,
            parameters: [
                FittedParameter(name: "mu", value: logMean, standardError: sigma / n.squareRoot(), positive: false),
                FittedParameter(name: "sigma", value: sigma, standardError: sigma / (2 * n).squareRoot(), positive: true),
            ],
            logLikelihood: -logSum - n * log(sigma) - n / 2 * log(2 * Double.pi) - n / 2)
        let fits = [exponential, lognormal, gamma(mean: mean, logMean: logMean)]
        return fits.map { fit in
            var fit = fit
            fit.kolmogorovSmirnov = kolmogorovSmirnov(fit)
            return fit
        }
    }

    /// The gamma fit: the shape solves ln k − ψ(k) = ln x̄ − mean(ln x) (Newton from
    /// Minka's start), the scale is x̄/k; standard errors from the Fisher information.
    private func gamma(mean: Double, logMean: Double) -> DurationFit {
        let n = Double(sorted.count)
        let s = max(log(mean) - logMean, 1e-12)
        var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<50 {
            let step = (log(k) - SpecialFunctions.digamma(k) - s) / (1 / k - SpecialFunctions.trigamma(k))
            let next = k - step
            k = next > 0 ? next : k / 2
            if abs(step) < 1e-12 * k { break }
        }
        let scale = mean / k
        // Fisher information per observation in (k, θ): [[ψ'(k), 1/θ], [1/θ, k/θ²]].
        let determinant = SpecialFunctions.trigamma(k) * k / (scale * scale) - 1 / (scale * scale)
        let varianceShape = k / (scale * scale) / determinant / n
        let varianceScale = SpecialFunctions.trigamma(k) / determinant / n
        let logLikelihood = (k - 1) * logMean * n - n * mean / scale - n * k * log(scale) - n * lgamma(k)
        return DurationFit(
            family: .gamma,
            parameters: [
                FittedParameter(name: "shape", value: k, standardError: varianceShape.squareRoot(), positive: true),
                FittedParameter(name: "scale", value: scale, standardError: varianceScale.squareRoot(), positive: true),
            ],
            logLikelihood: logLikelihood)
    }

    /// sup |F_n(x) − F(x)| over the sorted durations.
    private func kolmogorovSmirnov(_ fit: DurationFit) -> Double {
        let n = Double(sorted.count)
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            let f = fit.cdf(x)
            distance = max(distance, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return distance
    }

    /// At most `count` equally likely quantiles, the midpoints of `count` equal slices of the
    /// data: an empirical distribution the planner may prefer to any family.
    public func quantiles(_ count: Int) -> [Double] {
        guard !sorted.isEmpty, count > 0 else { return [] }
        let slices = min(count, sorted.count)
        return (0..<slices).map { i in
            let position = (Double(i) + 0.5) / Double(slices) * Double(sorted.count - 1)
            let below = Int(position)
            let above = min(below + 1, sorted.count - 1)
            let fraction = position - Double(below)
            return sorted[below] + fraction * (sorted[above] - sorted[below])
        }
    }
}
