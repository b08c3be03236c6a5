#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RouteSimKernel

/// One family fitted to durations by maximum likelihood: its parameters with their standard
/// errors, its log-likelihood and AIC, and, for complete (uncensored) data, the
/// Kolmogorov–Smirnov distance to the data.
public struct DurationFit: Sendable {
    public var family: DurationFamily
    /// In the family's own terms: exponential `mean`; lognormal `mu`, `sigma` (of the log);
    /// gamma and weibull `shape`, `scale`.
    public var parameters: [FittedParameter]
    public var logLikelihood: Double
    /// sup |F_n − F|; nil for censored data, where the empirical CDF is not the data's.
    public var kolmogorovSmirnov: Double?

    /// Akaike's criterion, 2·(parameters) − 2·ln L: the smaller, the better the family.
    public var aic: Double { 2 * Double(parameters.count) - 2 * logLikelihood }

    /// The fitted distribution, as the simulator draws it.
    public var distribution: Distribution {
        let p = parameters.map(\.value)
        switch family {
        case .exponential:
            return .exponential(mean: p[0])
        case .lognormal:
            let variance = p[1] * p[1]
            let mean = exp(p[0] + variance / 2)
            return .lognormal(mean: mean, sd: mean * expm1(variance).squareRoot())
        case .gamma:
            return .gamma(shape: p[0], scale: p[1])
        case .weibull:
            return .weibull(shape: p[0], scale: p[1])
        }
    }

    /// The fitted CDF at `x` seconds.
    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let first = parameters[0].value
        switch family {
        case .exponential:
            return -expm1(-x / first)
        case .lognormal:
            return SpecialFunctions.normalCDF((log(x) - first) / parameters[1].value)
        case .gamma:
            return SpecialFunctions.regularizedLowerGamma(first, x / parameters[1].value)
        case .weibull:
            return -expm1(-pow(x / parameters[1].value, first))
        }
    }

    /// The family with the smallest AIC among `fits`.
    public static func best(_ fits: [DurationFit]) -> DurationFit? {
        fits.filter { $0.logLikelihood.isFinite }.min { $0.aic < $1.aic }
    }
}
