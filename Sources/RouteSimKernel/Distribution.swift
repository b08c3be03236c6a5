#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution of a non-negative duration, in seconds.
///
/// Build one from scenario input, call `validated()` once, then `sample(_:)` as often as
/// needed. `mean` and `variance` are the analytic moments of what `sample(_:)` returns (for
/// `normal`, of the normal truncated at 0).
public enum Distribution: Sendable, Equatable, CustomStringConvertible {
    /// Always the given value (>= 0).
    case fixed(Double)
    /// Exponential with the given mean (> 0); variance mean².
    case exponential(mean: Double)
    /// Uniform on [min, max) with 0 <= min <= max; min == max means fixed.
    case uniform(min: Double, max: Double)
    /// Normal with the given mean (>= 0) and sd (>= 0), truncated at 0: negative draws are
    /// rejected and redrawn, so the realised mean is above `mean` when sd > 0. sd == 0 means fixed.
    case normal(mean: Double, sd: Double)
    /// Lognormal given by the mean (> 0) and sd (>= 0) of the variable itself, not of its log.
    /// sd == 0 means fixed.
    case lognormal(mean: Double, sd: Double)
    /// Gamma with shape (> 0) and scale (> 0); mean shape·scale, variance shape·scale².
    case gamma(shape: Double, scale: Double)
    /// Sum of k (>= 1) exponentials of mean `mean / k`; `mean` is the total mean.
    case erlang(k: Int, mean: Double)
    /// Weibull with shape k (> 0) and scale (> 0): P(X > x) = exp(−(x/scale)^k). Shape below 1
    /// gives a hazard that falls with time, above 1 one that rises (callers' patience often does).
    case weibull(shape: Double, scale: Double)
    /// One of the table's values, drawn with the table's weights.
    case empirical(EmpiricalTable)

    /// Returns `self` when every parameter is acceptable, else throws saying which one is not.
    ///
    /// Refuses: any non-finite parameter; a negative fixed value; mean <= 0 for exponential,
    /// lognormal and erlang; k < 1 for erlang; sd < 0 or mean < 0 for normal (a negative mean
    /// would make the rejection at 0 arbitrarily slow); sd < 0 or sd > 10^6 × mean for
    /// lognormal (far beyond that, its log-variance overflows and draws are not numbers); min < 0 or
    /// min > max for uniform; shape <= 0 or scale <= 0 for gamma and weibull. An `EmpiricalTable` is
    /// checked when it is built, so `empirical` always passes.
    public func validated() throws(DistributionError) -> Distribution {
        switch self {
        case .fixed(let value):
            try Self.require(value.isFinite, "fixed needs a finite value, found \(Self.format(value))")
            try Self.require(value >= 0, "fixed needs a value >= 0, found \(Self.format(value))")
        case .exponential(let mean):
            try Self.require(mean.isFinite, "exponential needs a finite mean, found \(Self.format(mean))")
            try Self.require(mean > 0, "exponential needs mean > 0, found \(Self.format(mean))")
        case .uniform(let min, let max):
            try Self.require(
                min.isFinite && max.isFinite,
                "uniform needs finite min and max, found min \(Self.format(min)), max \(Self.format(max))")
            try Self.require(min >= 0, "uniform needs min >= 0, found \(Self.format(min))")
            try Self.require(
                min <= max, "uniform needs min <= max, found min \(Self.format(min)), max \(Self.format(max))")
        case .normal(let mean, let sd):
            try Self.require(mean.isFinite, "normal needs a finite mean, found \(Self.format(mean))")
            try Self.require(sd.isFinite, "normal needs a finite sd, found \(Self.format(sd))")
            try Self.require(mean >= 0, "normal needs mean >= 0, found \(Self.format(mean))")
            try Self.require(sd >= 0, "normal needs sd >= 0, found \(Self.format(sd))")
        case .lognormal(let mean, let sd):
            try Self.require(mean.isFinite, "lognormal needs a finite mean, found \(Self.format(mean))")
            try Self.require(sd.isFinite, "lognormal needs a finite sd, found \(Self.format(sd))")
            try Self.require(mean > 0, "lognormal needs mean > 0, found \(Self.format(mean))")
            try Self.require(sd >= 0, "lognormal needs sd >= 0, found \(Self.format(sd))")
            try Self.require(
                sd <= 1e6 * mean, "lognormal needs sd <= 1000000 × mean, found mean \(Self.format(mean)), sd \(Self.format(sd))")
        case .gamma(let shape, let scale):
            try Self.require(shape.isFinite, "gamma needs a finite shape, found \(Self.format(shape))")
            try Self.require(scale.isFinite, "gamma needs a finite scale, found \(Self.format(scale))")
            try Self.require(shape > 0, "gamma needs shape > 0, found \(Self.format(shape))")
            try Self.require(scale > 0, "gamma needs scale > 0, found \(Self.format(scale))")
        case .weibull(let shape, let scale):
            try Self.require(shape.isFinite, "weibull needs a finite shape, found \(Self.format(shape))")
            try Self.require(scale.isFinite, "weibull needs a finite scale, found \(Self.format(scale))")
            try Self.require(shape > 0, "weibull needs shape > 0, found \(Self.format(shape))")
            try Self.require(scale > 0, "weibull needs scale > 0, found \(Self.format(scale))")
        case .erlang(let k, let mean):
            try Self.require(k >= 1, "erlang needs k >= 1, found \(k)")
            try Self.require(mean.isFinite, "erlang needs a finite mean, found \(Self.format(mean))")
            try Self.require(mean > 0, "erlang needs mean > 0, found \(Self.format(mean))")
        case .empirical:
            break
        }
        return self
    }

    /// Throws a `DistributionError` with `message` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
        if !condition {
            throw DistributionError(message: message())
        }
    }

    /// Draws one value in seconds. Always >= 0 and finite for a distribution that passes `validated()`.
    ///
    /// Parameters that `validated()` refuses give unspecified results, except that a `normal`
    /// with negative mean traps instead of looping. Uniforms used per call: fixed 0, exponential 1,
    /// uniform 1, normal 2 per attempt (expected at most 2 attempts), lognormal 2, erlang k, weibull 1,
    /// gamma about 3 (shape >= 1) or 4 (shape < 1) on average, empirical 1.
    @inlinable
    public func sample(_ rng: inout RandomStream) -> Double {
        switch self {
        case .fixed(let value):
            return value
        case .exponential(let mean):
            return rng.exponential(mean: mean)
        case .uniform(let min, let max):
            return min + (max - min) * rng.uniform()
        case .normal(let mean, let sd):
            precondition(mean >= 0, "normal needs mean >= 0, found \(mean)")
            while true {
                let value = mean + sd * rng.standardNormal()
                if value >= 0 {
                    return value
                }
            }
        case .lognormal(let mean, let sd):
            if sd == 0 {
                return mean
            }
            let ratio = sd / mean
            let logVariance = log1p(ratio * ratio)
            return mean * exp(logVariance.squareRoot() * rng.standardNormal() - 0.5 * logVariance)
        case .gamma(let shape, let scale):
            return Self.standardGamma(shape: shape, rng: &rng) * scale
        case .weibull(let shape, let scale):
            return scale * pow(-log(rng.uniformOpen()), 1 / shape)
        case .erlang(let k, let mean):
            var remaining = k
            var total = 0.0
            while remaining > 0 {
                let batch = Swift.min(remaining, 16)
                var product = 1.0
                for _ in 0..<batch {
                    product *= rng.uniformOpen()
                }
                total -= log(product)
                remaining -= batch
            }
            return total * (mean / Double(k))
        case .empirical(let table):
            return table.sample(&rng)
        }
    }

    /// A gamma variate with scale 1 by Marsaglia–Tsang; for shape < 1 it draws shape + 1 and
    /// multiplies by U^(1/shape). Acceptance is about 95% or better per attempt.
    @inlinable
    static func standardGamma(shape: Double, rng: inout RandomStream) -> Double {
        if shape < 1 {
            let boost = pow(rng.uniformOpen(), 1 / shape)
            return standardGamma(shape: shape + 1, rng: &rng) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = rng.standardNormal()
            let root = 1 + c * x
            if root <= 0 {
                continue
            }
            let v = root * root * root
            let u = rng.uniformOpen()
            let xSquared = x * x
            if u < 1 - 0.0331 * xSquared * xSquared || log(u) < 0.5 * xSquared + d * (1 - v + log(v)) {
                return d * v
            }
        }
    }

    /// The analytic mean of `sample(_:)`, in seconds; for `normal`, the mean truncated at 0.
    ///
    /// O(n) for `empirical` (n values), O(1) otherwise. Meaningful only for validated parameters.
    public var mean: Double {
        switch self {
        case .fixed(let value):
            return value
        case .exponential(let mean):
            return mean
        case .uniform(let min, let max):
            return (min + max) / 2
        case .normal(let mean, let sd):
            guard sd > 0 else { return mean }
            return mean + sd * Self.truncationHazard(mean: mean, sd: sd)
        case .lognormal(let mean, _):
            return mean
        case .gamma(let shape, let scale):
            return shape * scale
        case .weibull(let shape, let scale):
            return scale * tgamma(1 + 1 / shape)
        case .erlang(_, let mean):
            return mean
        case .empirical(let table):
            return zip(table.values, table.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The analytic variance of `sample(_:)`, in seconds²; for `normal`, the variance truncated at 0.
    ///
    /// O(n) for `empirical` (n values), O(1) otherwise. Meaningful only for validated parameters.
    public var variance: Double {
        switch self {
        case .fixed:
            return 0
        case .exponential(let mean):
            return mean * mean
        case .uniform(let min, let max):
            return (max - min) * (max - min) / 12
        case .normal(let mean, let sd):
            guard sd > 0 else { return 0 }
            let alpha = -mean / sd
            let lambda = Self.truncationHazard(mean: mean, sd: sd)
            return sd * sd * (1 + alpha * lambda - lambda * lambda)
        case .lognormal(_, let sd):
            return sd * sd
        case .gamma(let shape, let scale):
            return shape * scale * scale
        case .weibull(let shape, let scale):
            let first = tgamma(1 + 1 / shape)
            return scale * scale * (tgamma(1 + 2 / shape) - first * first)
        case .erlang(let k, let mean):
            return mean * mean / Double(k)
        case .empirical(let table):
            let center = self.mean
            return zip(table.values, table.probabilities).reduce(0) { sum, pair in
                let deviation = pair.0 - center
                return sum + pair.1 * deviation * deviation
            }
        }
    }

    /// φ(α) / (1 − Φ(α)) with α = −mean/sd: the inverse Mills ratio of a normal truncated below at 0.
    static func truncationHazard(mean: Double, sd: Double) -> Double {
        let alpha = -mean / sd
        let density = exp(-0.5 * alpha * alpha) / (2 * Double.pi).squareRoot()
        let keptMass = 0.5 * erfc(alpha / 2.0.squareRoot())
        return density / keptMass
    }

    /// The distribution in scenario notation, e.g. `lognormal(mean: 240, sd: 60)`.
    ///
    /// Whole numbers print without a fraction. An empirical table lists its values and
    /// probabilities (rounded to 9 decimals) when it has at most 8 values, and only its size and
    /// range otherwise.
    public var description: String {
        switch self {
        case .fixed(let value):
            return "fixed(\(Self.format(value)))"
        case .exponential(let mean):
            return "exponential(mean: \(Self.format(mean)))"
        case .uniform(let min, let max):
            return "uniform(min: \(Self.format(min)), max: \(Self.format(max)))"
        case .normal(let mean, let sd):
            return "normal(mean: \(Self.format(mean)), sd: \(Self.format(sd)))"
        case .lognormal(let mean, let sd):
            return "lognormal(mean: \(Self.format(mean)), sd: \(Self.format(sd)))"
        case .gamma(let shape, let scale):
            return "gamma(shape: \(Self.format(shape)), scale: \(Self.format(scale)))"
        case .weibull(let shape, let scale):
            return "weibull(shape: \(Self.format(shape)), scale: \(Self.format(scale)))"
        case .erlang(let k, let mean):
            return "erlang(k: \(k), mean: \(Self.format(mean)))"
        case .empirical(let table):
            let values = table.values
            guard values.count <= 8 else {
                let low = values.min() ?? 0
                let high = values.max() ?? 0
                return "empirical(\(values.count) values, min: \(Self.format(low)), max: \(Self.format(high)))"
            }
            let listedValues = values.map(Self.format).joined(separator: ", ")
            let listedProbabilities = table.probabilities
                .map { Self.format(($0 * 1e9).rounded() / 1e9) }
                .joined(separator: ", ")
            return "empirical(values: [\(listedValues)], probabilities: [\(listedProbabilities)])"
        }
    }

    /// Formats a number for messages: whole numbers below 1e15 without a fraction, others in
    /// Swift's shortest round-trip form (`0.25`, `1e-05`, `inf`, `nan`).
    static func format(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
