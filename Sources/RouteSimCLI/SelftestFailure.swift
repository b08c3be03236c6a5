/// `routesim selftest` found known values outside their confidence intervals.
struct SelftestFailure: UserFacingError {
    /// `E1 (12 agents) P(wait > 0)`-style labels of the failed quantities.
    var failed: [String]
    /// How many quantities were checked.
    var total: Int
    /// The confidence level of the intervals, e.g. 0.95.
    var confidence: Double

    var problems: [String] {
        ["selftest: \(failed.count) of \(total) quantities outside their \(Int((confidence * 100).rounded())) % interval: " + failed.joined(separator: ", ")]
    }
}
