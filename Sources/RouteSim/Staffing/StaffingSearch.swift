/// The fewest agents per cell (interval of the day, or the whole run) that meet a goal,
/// with every cell of a group searched at once.
///
/// The goal is assumed monotone in each cell's count: if n agents meet it, n + 1 do. One
/// evaluation of a staffing judges all its cells (a day's run gives every interval's KPIs),
/// so each evaluation moves every open cell: from its start the cell steps away in doubling
/// strides until it brackets its boundary (a count that fails, one that meets), then
/// bisects. A cell that is settled holds its answer while the others move; the judge is told
/// which cells still need a verdict, so it can stop replicating once those are decided.
///
/// Cells are not independent (a backlog left by one interval spills into the next), and
/// while they move together each is judged beside counts that are not final. So
/// ``passes(start:searched:upper:maxPasses:judge:)`` repeats the search, over every group in
/// turn and from the counts found, until a pass changes no count: then every cell meets the
/// goal beside the counts actually chosen around it.
public enum StaffingSearch {
    /// The fewest count per cell in `lower...upper`, starting from `start`, for the cells
    /// where `searched` is true (the others keep their start); nil for a cell that fails
    /// even at `upper`. `judge(counts, open)` says per cell whether `counts` meet the goal;
    /// only the cells where `open` is true are read.
    ///
    /// Complexity: O(log(*distance*)) evaluations for the farthest cell's distance from its start.
    public static func bisect<Failure: Error>(
        start: [Int], searched: [Bool], lower: Int = 0, upper: Int,
        judge: (_ counts: [Int], _ open: [Bool]) throws(Failure) -> [Bool]
    ) throws(Failure) -> [Int?] {
        precondition(lower <= upper, "the search range is empty")
        precondition(start.count == searched.count, "one start per cell")
        var failing: [Int?] = Array(repeating: nil, count: start.count)
        var meeting: [Int?] = Array(repeating: nil, count: start.count)
        var stride = Array(repeating: 1, count: start.count)
        var counts = start.map { min(max($0, lower), upper) }
        var open = searched
        while open.contains(true) {
            let verdicts = try judge(counts, open)
            for cell in counts.indices where open[cell] {
                if verdicts[cell] { meeting[cell] = counts[cell] } else { failing[cell] = counts[cell] }
                switch (failing[cell], meeting[cell]) {
                case (let low?, let high?) where high - low <= 1:
                    open[cell] = false
                case (let low?, let high?):
                    counts[cell] = low + (high - low) / 2
                case (nil, let high?):
                    if high == lower { open[cell] = false } else { counts[cell] = max(lower, high - stride[cell]) }
                case (let low?, nil):
                    if low == upper { open[cell] = false } else { counts[cell] = min(upper, low + stride[cell]) }
                case (nil, nil):
                    preconditionFailure("a judged cell has a verdict")
                }
                stride[cell] *= 2
                if !open[cell] { counts[cell] = meeting[cell] ?? upper }
            }
        }
        return counts.indices.map { searched[$0] ? meeting[$0] : start[$0] }
    }

    /// What ``passes(start:searched:upper:maxPasses:judge:)`` found.
    public struct Outcome: Sendable, Equatable {
        /// Per group, per cell, the count found.
        public var counts: [[Int]]
        /// Passes made over the groups and cells.
        public var passes: Int
        /// Whether the last pass changed no count (false: stopped at the bound on passes).
        public var converged: Bool
    }

    /// The search of ``bisect(start:searched:lower:upper:judge:)`` for each group in turn,
    /// the other groups held, repeated from the counts found until a pass changes no count or
    /// `maxPasses` passes are made. `judge(group, counts, open)` judges `counts` (every
    /// group's) for the cells of `group` marked open. Returns nil, with the group and cell,
    /// when a cell fails even at `upper`.
    public static func passes<Failure: Error>(
        start: [[Int]], searched: [Bool], upper: Int, maxPasses: Int,
        judge: (_ group: Int, _ counts: [[Int]], _ open: [Bool]) throws(Failure) -> [Bool]
    ) throws(Failure) -> Result<Outcome, Unmet> {
        precondition(maxPasses >= 1, "at least one pass")
        var counts = start
        for pass in 1...maxPasses {
            let before = counts
            for group in counts.indices {
                let found = try bisect(start: counts[group], searched: searched, upper: upper) { trial, open throws(Failure) in
                    var all = counts
                    all[group] = trial
                    return try judge(group, all, open)
                }
                if let cell = found.firstIndex(of: nil) { return .failure(Unmet(group: group, cell: cell)) }
                counts[group] = found.map { $0 ?? upper }
            }
            if counts == before { return .success(Outcome(counts: counts, passes: pass, converged: true)) }
        }
        return .success(Outcome(counts: counts, passes: maxPasses, converged: false))
    }

    /// A cell that no count up to the upper bound staffs.
    public struct Unmet: Error, Sendable, Equatable {
        public var group: Int
        public var cell: Int
    }
}
