/// The fewest agents that queueing formulas say meet the targets for one cell's load: where
/// a staffing search looks first, not its answer.
///
/// Erlang C when nobody hangs up, Erlang A (``ErlangAChain``) when callers do. The service
/// level (`sl`, and `sl_offered` and `sl_answered` read as it), `abandon_rate`, `asa` and
/// `occupancy` have formulas; other KPIs are left to the simulation. Agents with capacity on
/// several channels, multitasking and routing between groups are outside the formulas.
public enum AnalyticStaffing {
    /// The fewest agents in `0...upper` meeting every target with a formula, at least enough
    /// for a queue that does not grow without end (more than the load when nobody hangs up);
    /// `upper` when even that count misses. 0 for a cell with no load.
    ///
    /// Complexity: O(*c*²) for an answer *c* (a chain of about *c* states per count tried,
    /// from 1 when callers hang up, else from the load).
    public static func fewest(_ load: CellLoad, targets: [StaffingTarget], threshold: Double, upper: Int) -> Int {
        guard load.arrivalRate > 0, load.meanHandle > 0 else { return 0 }
        var agents = load.meanPatience == nil ? max(1, Int(load.offeredLoad.rounded(.down))) : 1
        while agents < upper, !meets(load, agents: agents, targets: targets, threshold: threshold) { agents += 1 }
        return min(agents, upper)
    }

    /// Whether `agents` meet every target with a formula, for `load`.
    static func meets(_ load: CellLoad, agents: Int, targets: [StaffingTarget], threshold: Double) -> Bool {
        let kpis: [String: Double]
        if let patience = load.meanPatience, patience > 0 {
            let queue = ErlangAChain(
                arrivalRate: load.arrivalRate, meanHandle: load.meanHandle, meanPatience: patience, agents: agents)
            let level = queue.serviceLevel(threshold: threshold)
            kpis = [
                "sl": level, "sl_offered": level, "sl_answered": level, "abandon_rate": queue.probabilityOfAbandon,
                "asa": queue.meanWait, "occupancy": load.offeredLoad * (1 - queue.probabilityOfAbandon) / Double(agents),
            ]
        } else {
            guard load.offeredLoad < Double(agents) else { return false }
            let queue = ErlangC(arrivalRate: load.arrivalRate, meanHandle: load.meanHandle, agents: agents)
            let level = queue.serviceLevel(threshold: threshold)
            kpis = [
                "sl": level, "sl_offered": level, "sl_answered": level, "abandon_rate": 0,
                "asa": queue.averageSpeedOfAnswer, "occupancy": queue.occupancy,
            ]
        }
        return targets.allSatisfy { target in
            guard let value = kpis[target.kpi] else { return true }
            return target.isMet(by: value)
        }
    }
}
