#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits callers' patience from right-censored data: a caller who hung up after t seconds
/// shows a patience of t; a caller answered after waiting w seconds (or still waiting when
/// the data ends) shows only that the patience exceeds w.
///
/// Exponential (closed form), Weibull and lognormal by maximum likelihood over both kinds;
/// the naive estimate (the abandoned callers' mean) beside them, which ignores the censored
/// callers and so underestimates patience, badly when few abandon.
public struct PatienceFitter: Sendable {
    /// Seen patience: the waits of callers who hung up, each at least ``DurationFitter/smallest``.
    public let abandoned: [Double]
    /// Lower bounds: the waits of callers answered or still waiting (waits of 0 say nothing
    /// and are left out).
    public let censored: [Double]

    public init(abandoned: [Double], censored: [Double]) {
        self.abandoned = abandoned.map { max($0, DurationFitter.smallest) }
        self.censored = censored.filter { $0 > 0 }
    }

    /// The mean of the abandoned callers' waits: what a planner gets by ignoring censoring.
    public var naiveMean: Double? {
        abandoned.isEmpty ? nil : abandoned.reduce(0, +) / Double(abandoned.count)
    }

    /// The Kaplan–Meier estimate from the same data.
    public func kaplanMeier() -> KaplanMeier {
        KaplanMeier(abandoned: abandoned, censored: censored)
    }

    /// Exponential, Weibull and lognormal fits; empty without an abandoned caller (patience
    /// is then only known to exceed every wait).
    public func fits() -> [DurationFit] {
        guard !abandoned.isEmpty else { return [] }
        return [exponential(), weibull(), lognormal()].compactMap { $0 }
    }

    /// Exponential: mean = total time at risk / abandonments, SE mean/√d.
    private func exponential() -> DurationFit {
        let d = Double(abandoned.count)
        let exposure = abandoned.reduce(0, +) + censored.reduce(0, +)
        let mean = exposure / d
        return DurationFit(
            family: .exponential,
            parameters: [FittedParameter(name: "mean", value: mean, standardError: mean / d.squareRoot(), positive: true)],
            logLikelihood: -d * log(mean) - exposure / mean)
    }

    /// Weibull in (ln k, ln λ): ln L = Σ_abandoned [ln k + (k − 1) ln t − k ln λ] − Σ_all (t/λ)^k.
    private func weibull() -> DurationFit? {
        let (logAbandoned, logCensored) = (abandoned.map { log($0) }, censored.map { log($0) })
        let logObserved = logAbandoned.reduce(0, +)
        let d = Double(abandoned.count)
        let maximizer = LikelihoodMaximizer { theta in
            let k = exp(theta[0])
            let logScale = theta[1]
            var value = d * theta[0] + (k - 1) * logObserved - d * k * logScale
            var gradient = SIMD2<Double>.zero
            for logT in logAbandoned {
                let u = logT - logScale
                let w = exp(k * u)
                value -= w
                gradient += SIMD2(1 + k * u * (1 - w), k * (w - 1))
            }
            for logT in logCensored {
                let u = logT - logScale
                let w = exp(k * u)
                value -= w
                gradient += SIMD2(-w * k * u, k * w)
            }
            return (value, gradient)
        }
        let mean = (abandoned.reduce(0, +) + censored.reduce(0, +)) / d
        let found = maximizer.maximize(from: SIMD2(0, log(mean)))
        return fit(.weibull, found, names: ("shape", "scale"), logFirst: true)
    }

    /// Lognormal in (μ, ln σ): the abandoned contribute the log-density, the censored the log
    /// of the survival function.
    private func lognormal() -> DurationFit? {
        let (logAbandoned, logCensored) = (abandoned.map { log($0) }, censored.map { log($0) })
        let count = Double(abandoned.count + censored.count)
        let logMean = (logAbandoned.reduce(0, +) + logCensored.reduce(0, +)) / count
        let logVariance = (logAbandoned + logCensored).reduce(0) { $0 + ($1 - logMean) * ($1 - logMean) } / count
        let logObserved = logAbandoned.reduce(0, +)
        let maximizer = LikelihoodMaximizer { theta in
            let mu = theta[0]
            let sigma = exp(theta[1])
            var value = -logObserved - Double(abandoned.count) * (theta[1] + 0.5 * log(2 * Double.pi))
            var gradient = SIMD2<Double>(0, -Double(abandoned.count))
            for logT in logAbandoned {
                let z = (logT - mu) / sigma
                value -= 0.5 * z * z
                gradient += SIMD2(z / sigma, z * z)
            }
            for logT in logCensored {
                let z = (logT - mu) / sigma
                let logSurvival = SpecialFunctions.logNormalSurvival(z)
                value += logSurvival
                let hazard = SpecialFunctions.normalHazard(z, logSurvival: logSurvival)
                gradient += SIMD2(hazard / sigma, hazard * z)
            }
            return (value, gradient)
        }
        let found = maximizer.maximize(from: SIMD2(logMean, 0.5 * log(max(logVariance, 1e-6))))
        return fit(.lognormal, found, names: ("mu", "sigma"), logFirst: false)
    }

    /// The fit from a maximum in (first, ln second) or (ln first, ln second) coordinates,
    /// standard errors by the delta method; nil when the information is singular.
    private func fit(
        _ family: DurationFamily, _ found: (point: SIMD2<Double>, value: Double, covariance: SIMD4<Double>?),
        names: (String, String), logFirst: Bool
    ) -> DurationFit? {
        guard let covariance = found.covariance, found.value.isFinite else { return nil }
        let first = logFirst ? exp(found.point[0]) : found.point[0]
        let second = exp(found.point[1])
        let firstError = covariance[0].squareRoot() * (logFirst ? first : 1)
        let secondError = covariance[3].squareRoot() * second
        return DurationFit(
            family: family,
            parameters: [
                FittedParameter(name: names.0, value: first, standardError: firstError, positive: logFirst),
                FittedParameter(name: names.1, value: second, standardError: secondError, positive: true),
            ],
            logLikelihood: found.value)
    }
}
