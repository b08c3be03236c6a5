/// The difference between two variants measured on common random numbers: the estimate
/// of the mean of (B − A) over replications run in both.
///
/// Pairing by replication removes what the two runs share (the same callers), so the
/// interval is usually much narrower than the one of the difference of two independent
/// means.
public struct PairedDifference: Sendable, Equatable {
    /// The estimate of B − A; nil when fewer than one replication has both values.
    public var estimate: Estimate?

    /// The difference of `b` and `a`, paired by key (the replication number); keys with a
    /// value on one side only are left out.
    ///
    /// Complexity: O(*n* log *n*).
    public init(a: [(key: Int, value: Double)], b: [(key: Int, value: Double)], confidence: Double = 0.95) {
        let baseline = Dictionary(a.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let differences = b.sorted { $0.key < $1.key }.compactMap { pair in
            baseline[pair.key].map { pair.value - $0 }
        }
        estimate = differences.isEmpty ? nil : Estimate(differences, confidence: confidence)
    }

    /// Whether the interval lies wholly on one side of zero: the variants differ at the
    /// interval's confidence level.
    public var isSignificant: Bool {
        guard let estimate, estimate.count > 1 else { return false }
        return estimate.low > 0 || estimate.high < 0
    }
}
