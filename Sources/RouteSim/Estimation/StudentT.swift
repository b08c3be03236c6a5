#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two-sided quantiles of Student's t distribution, for confidence intervals over
/// replications.
///
/// The quantile inverts the tail probability P(|T| > t) = I_x(df/2, 1/2), x = df/(df + t²),
/// the regularized incomplete beta function, evaluated by its continued fraction (modified
/// Lentz). The tail is computed directly, not as 1 − P(|T| ≤ t), so that quantiles far out,
/// as a Bonferroni correction asks for, keep their relative accuracy.
public enum StudentT {
    /// t(1 − alpha/2, df), alpha = 1 − `confidence`: the half-width, in standard errors, of a
    /// two-sided interval at `confidence`, any level strictly between 0 and 1. Relative error
    /// below 1e-10 (alpha = 1 − confidence itself carries the rounding of `confidence`, and
    /// log-gamma differences lose digits for very many degrees of freedom).
    public static func quantile(confidence: Double, degreesOfFreedom df: Int) -> Double {
        precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1, not \(confidence)")
        precondition(df >= 1, "degrees of freedom must be at least 1")
        let alpha = 1 - confidence
        let n = Double(df)
        // Bracket the root, then Newton steps on the tail, falling back to bisection when a
        // step leaves the bracket; the tail falls strictly as t grows.
        var low = 0.0
        var high = 1.0
        while twoSidedTail(high, n) > alpha { (low, high) = (high, high * 2) }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let excess = twoSidedTail(t, n) - alpha
            if excess > 0 { low = t } else { high = t }
            let newton = t + excess / (2 * density(t, n))
            let next = newton > low && newton < high ? newton : (low + high) / 2
            if abs(next - t) <= 1e-14 * next { return next }
            t = next
        }
        return t
    }

    /// P(|T| > t) for t ≥ 0 with `n` degrees of freedom.
    static func twoSidedTail(_ t: Double, _ n: Double) -> Double {
        let square = t * t
        return regularizedIncompleteBeta(x: n / (n + square), complement: square / (n + square), a: n / 2, b: 0.5)
    }

    /// The density of T at `t` with `n` degrees of freedom.
    private static func density(_ t: Double, _ n: Double) -> Double {
        exp(lgamma((n + 1) / 2) - lgamma(n / 2) - 0.5 * log(n * Double.pi) - (n + 1) / 2 * log1p(t * t / n))
    }

    /// I_x(a, b), given `x` and its `complement` 1 − x (each computed without cancellation).
    /// The continued fraction converges fast below x = (a + 1)/(a + b + 2); above, the
    /// symmetry I_x(a, b) = 1 − I_(1−x)(b, a).
    private static func regularizedIncompleteBeta(x: Double, complement: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if complement <= 0 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(complement))
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: complement, a: b, b: a) / b
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes' `betacf`), by the modified
    /// Lentz method.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var result = d
        var m = 1.0
        while m < 100_000 {
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
            m += 1
        }
        return result
    }
}
