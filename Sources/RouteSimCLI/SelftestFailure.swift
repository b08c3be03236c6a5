import RouteSim

/// `routesim selftest` found known values outside their confidence intervals.
struct SelftestFailure: UserFacingError {
    /// `E1 (12 agents) P(wait > 0) off by +1.42`-style labels of the failed quantities.
    var failed: [String]
    /// How many quantities were checked.
    var total: Int
    /// The decision that failed them.
    var decision: ValidationDecision

    var problems: [String] {
        [
            "selftest: \(failed.count) of \(total) quantities outside their "
                + "\(SelftestReport.percent(decision.quantityConfidence)) % interval "
                + "(\(SelftestReport.percent(decision.familyConfidence)) % for all together): "
                + failed.joined(separator: ", "),
        ]
    }
}
