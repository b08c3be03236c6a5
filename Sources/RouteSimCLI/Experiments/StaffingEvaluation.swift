import RouteSim

/// One staffing judged by `routesim staff`: per cell (an interval, or the whole run), each
/// target's estimate and the verdict.
struct StaffingEvaluation {
    /// Agents per searched group (one count per interval with --per-interval).
    var staffing: [[Int]]
    /// The staffing's `runs.point`.
    var point: String
    /// The replications judged.
    var replications: Int
    /// Per cell, per target, the estimate it was judged on (nil: no value, e.g. nothing offered).
    var estimates: [[Estimate?]]
    /// Per cell, whether every target is met.
    var meets: [Bool]
    /// Per cell, true when a target's interval still straddled its bound after the most
    /// replications, so the verdict rests on the means.
    var byMean: [Bool]
}
