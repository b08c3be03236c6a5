import RouteSimKernel
import RouteSimScenario
import Testing

/// `arrivals[].rate_multiplier`: a distribution of plain numbers.
struct RateMultiplierReaderTests {
    @Test func readsADistributionOfFactors() throws {
        let gamma = try Fixtures.minimal("arrivals.a.rate_multiplier", "{dist: gamma, mean: 1, sd: 0.1}").spec
        let factor = try #require(gamma.arrivals[0].rateMultiplier)
        guard case .gamma = factor else { Issue.record("not a gamma: \(factor)"); return }
        #expect(abs(factor.mean - 1) < 1e-12)
        #expect(abs(factor.variance - 0.01) < 1e-12)
        let fixed = try Fixtures.minimal("arrivals.a.rate_multiplier", "1.5").spec
        #expect(fixed.arrivals[0].rateMultiplier == .fixed(1.5))
        #expect(try Fixtures.load(Fixtures.minimal).spec.arrivals[0].rateMultiplier == nil)
    }

    @Test func refusesDurationsAndBadParameters() {
        #expect(Fixtures.minimalErrors("arrivals.a.rate_multiplier", "{dist: gamma, mean: 1m, sd: 0.1}").map(\.description) == [
            #"test.yaml: --set arrivals.a.rate_multiplier: arrivals.a.rate_multiplier.mean: expected a number > 0 and at most 100, found "1m""#
        ])
        #expect(Fixtures.minimalErrors("arrivals.a.rate_multiplier", "{dist: normal, mean: 1}").map(\.description) == [
            #"test.yaml: --set arrivals.a.rate_multiplier: arrivals.a.rate_multiplier.sd: missing required key "sd" (normal needs it)"#
        ])
    }
}
