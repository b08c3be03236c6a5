#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parameter estimated by maximum likelihood, with its standard error and 95 % interval.
///
/// A positive parameter (a scale, a shape, a mean) gets its interval on the log scale,
/// exp(ln v ± 1.96·SE/v), which stays positive and covers better in small samples than
/// v ± 1.96·SE; a parameter that may be negative (a lognormal's μ) gets the symmetric one.
public struct FittedParameter: Sendable, Equatable {
    /// The parameter's name as the scenario writes it (`mean`, `shape`, `scale`, `mu`, `sigma`).
    public var name: String
    public var value: Double
    /// The asymptotic standard error, from the inverse of the observed (or Fisher) information.
    public var standardError: Double
    public var low: Double
    public var high: Double

    /// `value` with `standardError`; `positive` puts the interval on the log scale.
    public init(name: String, value: Double, standardError: Double, positive: Bool) {
        self.name = name
        self.value = value
        self.standardError = standardError
        let z = SpecialFunctions.z95
        if positive, value > 0 {
            let factor = exp(z * standardError / value)
            low = value / factor
            high = value * factor
        } else {
            low = value - z * standardError
            high = value + z * standardError
        }
    }

    /// A parameter with an interval found otherwise (by profile likelihood); the standard
    /// error is the interval's half-width over 1.96.
    public init(name: String, value: Double, low: Double, high: Double) {
        self.name = name
        self.value = value
        self.low = low
        self.high = high
        standardError = (high - low) / (2 * SpecialFunctions.z95)
    }

    /// Whether `truth` lies inside the 95 % interval.
    public func covers(_ truth: Double) -> Bool { low <= truth && truth <= high }
}
