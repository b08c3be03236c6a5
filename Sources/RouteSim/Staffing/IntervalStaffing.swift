/// A worker group staffed interval by interval: a head count per interval turned into
/// subgroups whose shifts cover exactly those intervals.
///
/// Agent k (1, 2, ...) works the intervals whose count is at least k; agents with the same
/// intervals form one subgroup (`<name>`, or `<name>~1`, `<name>~2`, ... when there are
/// several), with one shift per run of consecutive intervals. Agents on at the last
/// interval stay on until the run ends, so tasks left at the horizon are still served. The
/// group's own shifts, breaks and worker names are replaced; everything else is kept.
public enum IntervalStaffing {
    /// The subgroups that staff `group` with `counts[i]` agents during interval i
    /// (`[i × interval, (i + 1) × interval)`).
    ///
    /// Complexity: O(*m* × *k*) for *m* intervals and a largest count *k*.
    public static func groups(staffing group: WorkerGroup, counts: [Int], interval: Double) -> [WorkerGroup] {
        let most = counts.max() ?? 0
        var patterns: [(intervals: [Bool], agents: Int)] = []
        for agent in stride(from: 1, through: most, by: 1) {
            let intervals = counts.map { $0 >= agent }
            if let last = patterns.last, last.intervals == intervals {
                patterns[patterns.count - 1].agents += 1
            } else {
                patterns.append((intervals, 1))
            }
        }
        return patterns.enumerated().map { index, pattern in
            var subgroup = group
            subgroup.name = patterns.count == 1 ? group.name : group.name + "~" + String(index + 1)
            subgroup.count = pattern.agents
            subgroup.workerNames = nil
            subgroup.workerSids = nil
            subgroup.shifts = shifts(pattern.intervals, interval: interval)
            return subgroup
        }
    }

    /// One shift per run of `true` intervals; the run reaching the last interval ends at the
    /// largest finite time (the event list takes finite times only), i.e. never.
    private static func shifts(_ on: [Bool], interval: Double) -> [Shift] {
        var shifts: [Shift] = []
        var start: Int?
        for index in on.indices {
            if on[index], start == nil { start = index }
            if !on[index], let first = start {
                shifts.append(Shift(start: Double(first) * interval, end: Double(index) * interval))
                start = nil
            }
        }
        if let first = start { shifts.append(Shift(start: Double(first) * interval, end: .greatestFiniteMagnitude)) }
        return shifts
    }
}
