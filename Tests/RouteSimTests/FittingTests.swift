import Foundation
import RouteSimKernel
import Testing

@testable import RouteSim

@Suite("Fitting")
struct FittingTests {
    /// `count` draws of `distribution` from a stream seeded with `seed`.
    static func draws(_ distribution: Distribution, count: Int, seed: UInt64) -> [Double] {
        var rng = RandomStream(seed: seed, replication: 0, name: "fitting")
        return (0..<count).map { _ in distribution.sample(&rng) }
    }

    @Test("special functions match known values")
    func specialFunctions() {
        let eulerGamma = 0.5772156649015329
        #expect(abs(SpecialFunctions.digamma(1) + eulerGamma) < 1e-12)
        #expect(abs(SpecialFunctions.digamma(0.5) + eulerGamma + 2 * log(2.0)) < 1e-12)
        #expect(abs(SpecialFunctions.trigamma(1) - Double.pi * Double.pi / 6) < 1e-11)
        #expect(abs(SpecialFunctions.trigamma(0.5) - Double.pi * Double.pi / 2) < 1e-11)
        for x in [0.01, 0.7, 3.0, 20.0] {
            #expect(abs(SpecialFunctions.regularizedLowerGamma(1, x) + expm1(-x)) < 1e-13)
            #expect(abs(SpecialFunctions.regularizedLowerGamma(0.5, x) - erf(x.squareRoot())) < 1e-13)
        }
        #expect(abs(SpecialFunctions.regularizedLowerGamma(10, 10) - 0.5420702855281478) < 1e-13)
        for z in [-3.0, 0, 2, 8, 25] {
            let exact = log(0.5 * erfc(z / 2.0.squareRoot()))
            #expect(abs(SpecialFunctions.logNormalSurvival(z) - exact) < 1e-9 * max(1, abs(exact)))
        }
        // Beyond where 1 − Φ underflows: the asymptotic series to z⁻⁸.
        #expect(abs(SpecialFunctions.logNormalSurvival(40) + 804.6084420137538) < 1e-8)
    }

    @Test("handle times: AIC picks the family they were drawn from, and its 95 % CIs cover the truth", arguments: [
        (Distribution.lognormal(mean: 240, sd: 120), DurationFamily.lognormal),
        (.gamma(shape: 2.5, scale: 40), .gamma),
        (.exponential(mean: 180), .exponential),
    ])
    func durationFamilies(_ truth: Distribution, _ family: DurationFamily) throws {
        let fitter = DurationFitter(Self.draws(truth, count: 20_000, seed: 7))
        let fits = fitter.fits()
        let best = try #require(DurationFit.best(fits))
        #expect(best.family == family)
        let chosen = best.distribution
        #expect(abs(chosen.mean - truth.mean) < 0.03 * truth.mean)
        switch truth {
        case .gamma(let shape, let scale):
            #expect(best.parameters[0].covers(shape) && best.parameters[1].covers(scale))
        case .exponential(let mean):
            #expect(best.parameters[0].covers(mean))
        default:
            let sigma = log1p(0.25).squareRoot()
            #expect(best.parameters[0].covers(log(240) - sigma * sigma / 2) && best.parameters[1].covers(sigma))
        }
        // At 20,000 draws the true family sits within the KS 1 % critical value, 1.63/√n.
        #expect(try #require(best.kolmogorovSmirnov) < 1.63 / 20_000.0.squareRoot())
        #expect(fits.filter { $0.family != family }.allSatisfy { $0.aic > best.aic })
    }

    @Test("empirical quantiles: as many as asked, no more than the data, ascending")
    func quantiles() {
        let fitter = DurationFitter(Self.draws(.exponential(mean: 100), count: 1_000, seed: 3))
        let values = fitter.quantiles(200)
        #expect(values.count == 200)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(abs(values[99] - 100 * log(2.0)) < 15)
        #expect(DurationFitter([5, 7]).quantiles(200).count == 2)
    }

    @Test("Kaplan-Meier: a hand-worked example, and without censoring one minus the empirical CDF")
    func kaplanMeier() {
        // Hang-ups at 2, 5, 5, 9; censored at 3 and 9 (a tie with a hang-up stays at risk).
        let km = KaplanMeier(abandoned: [2, 5, 5, 9], censored: [3, 9])
        #expect(abs(km.survival(at: 2) - 5.0 / 6) < 1e-12)
        #expect(abs(km.survival(at: 5) - 5.0 / 6 * 1.0 / 4 * 2) < 1e-12)
        #expect(abs(km.survival(at: 9) - 5.0 / 12 * 1.0 / 2) < 1e-12)
        #expect(km.survival(at: 1) == 1)
        let complete = KaplanMeier(abandoned: [4, 1, 3, 2], censored: [])
        #expect(complete.survival(at: 2.5) == 0.5)
        #expect(complete.quantile(survival: 0.5) == 2)
    }

    @Test("censored patience: the fit finds the truth where the naive mean of hang-ups is far off")
    func censoredPatience() throws {
        // Patience Weibull(1.5, 600 s); every caller answered after an exponential wait of mean
        // 40 s censors it, so few (about 2 %) hang up, and they are those who hang up early.
        let truth = Distribution.weibull(shape: 1.5, scale: 600)
        let patience = Self.draws(truth, count: 30_000, seed: 30)
        let waits = Self.draws(.exponential(mean: 40), count: 30_000, seed: 130)
        let abandoned = zip(patience, waits).filter { $0 < $1 }.map(\.0)
        let censored = zip(patience, waits).filter { $0 >= $1 }.map(\.1)
        let fitter = PatienceFitter(abandoned: abandoned, censored: censored)
        let naive = try #require(fitter.naiveMean)
        let weibull = try #require(fitter.fits().first { $0.family == .weibull })
        #expect(naive < 0.2 * truth.mean)
        #expect(weibull.parameters[0].covers(1.5) && weibull.parameters[1].covers(600))
        #expect(DurationFit.best(fitter.fits())?.family == .weibull)
    }

    @Test("censored lognormal and exponential patience cover their truth")
    func censoredFamilies() throws {
        let waits = Self.draws(.exponential(mean: 120), count: 20_000, seed: 22)
        for (truth, family) in [(Distribution.lognormal(mean: 200, sd: 150), DurationFamily.lognormal), (.exponential(mean: 300), .exponential)] {
            let patience = Self.draws(truth, count: 20_000, seed: 21)
            let fitter = PatienceFitter(
                abandoned: zip(patience, waits).filter { $0 < $1 }.map(\.0),
                censored: zip(patience, waits).filter { $0 >= $1 }.map(\.1))
            let fit = try #require(fitter.fits().first { $0.family == family })
            #expect(abs(fit.distribution.mean - truth.mean) < 0.1 * truth.mean)
            let variance = log1p(150.0 * 150 / (200 * 200))
            let parameters = family == .lognormal ? [log(200) - variance / 2, variance.squareRoot()] : [300]
            #expect(fit.parameters.count == parameters.count)
            for (parameter, value) in zip(fit.parameters, parameters) {
                #expect(parameter.covers(value), "\(family) \(parameter.name) \(parameter.low)...\(parameter.high) misses \(value)")
            }
            // The exponential is a Weibull of shape 1, so AIC may rightly hesitate between them.
            if family == .lognormal { #expect(DurationFit.best(fitter.fits())?.family == family) }
        }
    }

    @Test("day multiplier: gamma days are shown with an interval covering sd, Poisson days are not")
    func dayMultiplier() throws {
        var rng = RandomStream(seed: 5, replication: 0, name: "days")
        func poisson(_ mean: Double) -> Int {
            // Exponential gaps counted in one unit of time.
            var count = 0
            var time = rng.exponential(mean: 1 / mean)
            while time < 1 {
                count += 1
                time += rng.exponential(mean: 1 / mean)
            }
            return count
        }
        let multipliers = (0..<60).map { _ in Distribution.gamma(shape: 1 / 0.04, scale: 0.04).sample(&rng) }
        let overdispersed = try #require(DayMultiplierFit(dayTotals: multipliers.map { poisson(1_000 * $0) }))
        #expect(overdispersed.shown)
        #expect(overdispersed.sd.covers(0.2))
        let plain = try #require(DayMultiplierFit(dayTotals: (0..<60).map { _ in poisson(1_000) }))
        #expect(!plain.shown)
        #expect(plain.sd.low == 0)
        #expect(DayMultiplierFit(dayTotals: [100]) == nil)
    }
}
