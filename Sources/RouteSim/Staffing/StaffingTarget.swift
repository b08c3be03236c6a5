/// A goal a staffing must reach, `service_level>=0.8` or `abandon_rate<=0.05`: one KPI, a
/// direction and a bound.
public struct StaffingTarget: Sendable, Equatable {
    /// Which side of the bound is good.
    public enum Direction: String, Sendable {
        /// The KPI must be at least the bound (`>=`).
        case atLeast = ">="
        /// The KPI must be at most the bound (`<=`).
        case atMost = "<="
    }

    /// What an estimate says about the target.
    public enum Verdict: String, Sendable {
        /// The whole confidence interval is on the good side.
        case met
        /// The whole confidence interval is on the bad side.
        case missed
        /// The interval straddles the bound: more replications are needed to tell.
        case undecided
    }

    /// The KPI's column name (`sl`, `abandon_rate`, `asa`, ...).
    public var kpi: String
    public var direction: Direction
    public var bound: Double

    public init(kpi: String, direction: Direction, bound: Double) {
        self.kpi = kpi
        self.direction = direction
        self.bound = bound
    }

    /// The verdict of `estimate`: met or missed when its confidence interval lies wholly on
    /// one side of the bound, else undecided. A KPI with no value (nothing offered) meets
    /// every target: there was nobody to serve.
    public func verdict(_ estimate: Estimate?) -> Verdict {
        guard let estimate else { return .met }
        let (good, bad) = direction == .atLeast
            ? (estimate.low >= bound, estimate.high < bound) : (estimate.high <= bound, estimate.low > bound)
        return good ? .met : bad ? .missed : .undecided
    }

    /// Whether `replications` replications in all are not expected to decide `estimate`: with
    /// its standard deviation, their confidence interval would still be wider than the
    /// distance from its mean to the bound. Then more replications are not worth running
    /// and the mean decides at once, as it would when they run out.
    public func futile(_ estimate: Estimate?, replications: Int) -> Bool {
        guard let estimate, estimate.count >= 2, replications >= 2 else { return false }
        let halfWidth = StudentT.quantile(confidence: estimate.confidence, degreesOfFreedom: replications - 1)
            * estimate.standardDeviation / Double(replications).squareRoot()
        return halfWidth >= abs(estimate.mean - bound)
    }

    /// Whether the mean alone is on the good side: the decision when replications run out.
    public func meanMeets(_ estimate: Estimate?) -> Bool {
        guard let estimate else { return true }
        return isMet(by: estimate.mean)
    }

    /// Whether `value` is on the good side of the bound (the bound itself is).
    public func isMet(by value: Double) -> Bool {
        direction == .atLeast ? value >= bound : value <= bound
    }

    /// `sl>=0.8`.
    public var description: String { kpi + direction.rawValue + String(bound) }
}
