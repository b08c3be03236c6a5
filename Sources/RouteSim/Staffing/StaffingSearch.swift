/// The fewest agents that meet a goal, found with as few evaluations as the goal allows.
///
/// The goal is assumed monotone in the number of agents: if n agents meet it, n + 1 do.
/// From a starting count the search steps away in doubling strides until it brackets the
/// boundary (one count that fails, one that meets), then bisects; each count is evaluated
/// at most once.
public enum StaffingSearch {
    /// The fewest count in `lower...upper` for which `meets` is true, starting from `start`;
    /// nil when even `upper` fails.
    ///
    /// Complexity: O(log(*answer* − `start`)) evaluations.
    public static func fewest<Failure: Error>(
        start: Int, lower: Int = 0, upper: Int, meets: (Int) throws(Failure) -> Bool
    ) throws(Failure) -> Int? {
        precondition(lower <= upper, "the search range is empty")
        var known: [Int: Bool] = [:]
        func test(_ count: Int) throws(Failure) -> Bool {
            if let verdict = known[count] { return verdict }
            let verdict = try meets(count)
            known[count] = verdict
            return verdict
        }
        var count = min(max(start, lower), upper)
        var failing: Int
        var meeting: Int
        var stride = 1
        if try test(count) {
            meeting = count
            while true {
                guard meeting > lower else { return lower }
                let next = max(lower, meeting - stride)
                if try test(next) { meeting = next } else { failing = next; break }
                stride *= 2
            }
        } else {
            failing = count
            while true {
                guard failing < upper else { return nil }
                count = min(upper, failing + stride)
                if try test(count) { meeting = count; break } else { failing = count }
                stride *= 2
            }
        }
        while meeting - failing > 1 {
            let middle = failing + (meeting - failing) / 2
            if try test(middle) { meeting = middle } else { failing = middle }
        }
        return meeting
    }
}
