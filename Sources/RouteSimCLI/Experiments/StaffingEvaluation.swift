import RouteSim
import RouteSimStore

/// One staffing tried by `routesim staff`: its runs, each target's estimate and the verdict.
struct StaffingEvaluation {
    /// Agents per searched group (one count per interval with --per-interval).
    var staffing: [[Int]]
    /// The runs' `runs.point`.
    var point: String
    /// The interval judged, nil for the whole run.
    var interval: Int?
    var runs: [StoredRunKPIs]
    /// Per target, the estimate it was judged on (nil: no value, e.g. nothing offered).
    var estimates: [Estimate?]
    /// Whether every target is met.
    var meets: Bool
    /// True when the intervals still straddled a target after the most replications, so
    /// the verdict rests on the means.
    var byMean: Bool
}
