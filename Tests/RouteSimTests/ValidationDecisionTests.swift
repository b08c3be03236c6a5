import RouteSim
import RouteSimKernel
import Testing

/// The selftest's pass decision: Bonferroni-corrected intervals and the distance in
/// half-widths.
@Suite struct ValidationDecisionTests {
    let quantity = ValidationQuantity("x", expected: 10, measure: .occupancy)

    @Test func eachQuantityIsCheckedAtTheCorrectedConfidence() {
        let decision = ValidationDecision(familyConfidence: 0.95, quantityCount: 36)
        #expect(abs(decision.quantityConfidence - (1 - 0.05 / 36)) < 1e-15)
        #expect(ValidationDecision(familyConfidence: 0.95, quantityCount: 1).quantityConfidence == 0.95)
    }

    @Test func deviationIsInHalfWidthsOfTheCorrectedInterval() {
        let estimate = Estimate([9, 11, 10, 12, 13])  // mean 11, standard error 1/√2
        let decision = ValidationDecision(familyConfidence: 0.95, quantityCount: 8)
        let halfWidth = StudentT.quantile(confidence: 1 - 0.05 / 8, degreesOfFreedom: 4) / 2.0.squareRoot()
        #expect(abs(decision.deviation(quantity, estimate) - 1 / halfWidth) < 1e-12)
        #expect(decision.passes(quantity, estimate))
        let far = Estimate([5, 5.1, 4.9, 5, 5])
        #expect(decision.deviation(quantity, far) < -1)
        #expect(!decision.passes(quantity, far))
        #expect(decision.deviation(quantity, Estimate([10, 10])) == 0, "no spread, right on")
        #expect(!decision.passes(quantity, Estimate([10.5, 10.5])), "no spread, off")
        #expect(!decision.passes(quantity, Estimate([.nan, 1])), "nothing measured")
    }

    /// A correct engine, simulated: 2,000 families of 36 quantities, each the mean of 10 normal
    /// observations centred on its expected value. About 5 % of the families fail somewhere
    /// (4.9 % for independent quantities); each quantity at 95 % alone, 84 % would.
    @Test func aCorrectEngineFailsAboutOnceInTwentySeeds() {
        var random = RandomStream(seed: 7, replication: 0, name: "bonferroni")
        let decision = ValidationDecision(familyConfidence: 0.95, quantityCount: 36)
        let families = 2_000
        var failed = 0
        var failedAlone = 0
        for _ in 0..<families {
            let estimates = (0..<36).map { _ in Estimate((0..<10).map { _ in 10 + random.standardNormal() }) }
            if !estimates.allSatisfy({ decision.passes(quantity, $0) }) { failed += 1 }
            if !estimates.allSatisfy({ $0.contains(quantity.expected) }) { failedAlone += 1 }
        }
        #expect((60...140).contains(failed), "\(failed) of \(families) families failed")
        #expect(failedAlone > families * 3 / 4, "\(failedAlone) of \(families) families failed at 95 % per quantity")
    }
}
