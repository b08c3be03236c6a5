/// How `routesim selftest` decides pass or fail when it checks many quantities at once: the
/// Bonferroni correction.
///
/// One quantity's interval at 95 % misses a correct value once in 20 times, so among 36
/// quantities some miss is likely. Each quantity's interval is therefore taken at confidence
/// 1 − (1 − ``familyConfidence``) / m for m quantities; then a correct engine fails any of
/// them with probability at most 1 − ``familyConfidence``, however the quantities depend on
/// each other (those of one case share their callers).
public struct ValidationDecision: Sendable, Equatable {
    /// The least chance that a correct engine passes every quantity, e.g. 0.95.
    public var familyConfidence: Double
    /// How many quantities are checked together.
    public var quantityCount: Int

    public init(familyConfidence: Double, quantityCount: Int) {
        precondition(quantityCount >= 1, "a decision needs at least one quantity")
        self.familyConfidence = familyConfidence
        self.quantityCount = quantityCount
    }

    /// The confidence of each quantity's interval, 1 − (1 − familyConfidence) / m.
    public var quantityConfidence: Double { 1 - (1 - familyConfidence) / Double(quantityCount) }

    /// How far the simulated mean of `estimate` lies from `quantity`'s expected value, in
    /// half-widths of its interval at ``quantityConfidence``: (simulated − expected) /
    /// half-width. The quantity passes when this is at most 1 in size; NaN when the runs had
    /// nothing to measure it on.
    public func deviation(_ quantity: ValidationQuantity, _ estimate: Estimate) -> Double {
        let difference = estimate.mean - quantity.expected
        return difference == 0 ? 0 : difference / estimate.at(confidence: quantityConfidence).halfWidth
    }

    /// Whether `quantity`'s expected value lies in the interval of `estimate` at
    /// ``quantityConfidence``.
    public func passes(_ quantity: ValidationQuantity, _ estimate: Estimate) -> Bool {
        abs(deviation(quantity, estimate)) <= 1
    }
}
