#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The special functions the maximum-likelihood fits need beyond the C library's `lgamma` and
/// `erfc`: digamma, trigamma, the regularized incomplete gamma function and the normal tails.
enum SpecialFunctions {
    /// The two-sided 95 % quantile of the standard normal, z(0.975).
    static let z95 = 1.959963984540054

    /// ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence up to x ≥ 10, then the asymptotic series.
    static func digamma(_ x: Double) -> Double {
        var x = x
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        return result + log(x) - 0.5 / x
            - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
    }

    /// ψ'(x) for x > 0: the recurrence up to x ≥ 10, then the asymptotic series.
    static func trigamma(_ x: Double) -> Double {
        var x = x
        var result = 0.0
        while x < 10 {
            result += 1 / (x * x)
            x += 1
        }
        let f = 1 / (x * x)
        return result + 1 / x + f / 2
            + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f / 30)))
    }

    /// P(a, x) = γ(a, x) / Γ(a), the gamma distribution's CDF at x with shape a and scale 1:
    /// its series below x = a + 1, else one minus the continued fraction of Q (modified Lentz).
    static func regularizedLowerGamma(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let front = exp(a * log(x) - x - lgamma(a))
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if term < sum * 1e-15 { break }
            }
            return min(1, sum * front)
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return max(0, 1 - front * h)
    }

    /// Φ(z), the standard normal CDF.
    static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// ln(1 − Φ(z)), accurate far in the upper tail (where 1 − Φ underflows) by the
    /// asymptotic expansion of Mills' ratio.
    static func logNormalSurvival(_ z: Double) -> Double {
        if z < 30 { return log(0.5 * erfc(z / 2.0.squareRoot())) }
        let f = 1 / (z * z)
        return -0.5 * z * z - log(z) - 0.5 * log(2 * Double.pi) + log1p(-f + 3 * f * f)
    }

    /// φ(z) / (1 − Φ(z)), the standard normal's hazard (inverse Mills ratio), given
    /// `logSurvival` = ln(1 − Φ(z)).
    static func normalHazard(_ z: Double, logSurvival: Double) -> Double {
        exp(-0.5 * z * z - 0.5 * log(2 * Double.pi) - logSurvival)
    }
}
