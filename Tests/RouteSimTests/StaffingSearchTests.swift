import RouteSim
import Testing

/// The staffing search finds the boundary of a monotone goal with few evaluations, and
/// targets judge an estimate by its confidence interval.
@Suite struct StaffingSearchTests {
    @Test(arguments: [(0, 14), (14, 14), (13, 14), (40, 14), (3, 0), (5, 37)])
    func findsTheFewestCountThatMeets(start: Int, answer: Int) {
        var evaluated: [Int] = []
        let found = StaffingSearch.fewest(start: start, upper: 1000) { count in
            evaluated.append(count)
            return count >= answer
        }
        #expect(found == answer)
        #expect(Set(evaluated).count == evaluated.count, "a count was evaluated twice: \(evaluated)")
        #expect(evaluated.count <= 2 * 7 + 2)
    }

    @Test func nilWhenEvenTheUpperBoundFails() {
        #expect(StaffingSearch.fewest(start: 5, upper: 20) { _ in false } == nil)
        #expect(StaffingSearch.fewest(start: 5, lower: 2, upper: 20) { _ in true } == 2)
    }

    @Test func targetsDecideOnTheWholeInterval() {
        let sl = StaffingTarget(kpi: "sl", direction: .atLeast, bound: 0.8)
        #expect(sl.verdict(Estimate([0.85, 0.86, 0.84])) == .met)
        #expect(sl.verdict(Estimate([0.75, 0.76, 0.74])) == .missed)
        #expect(sl.verdict(Estimate([0.79, 0.81, 0.80])) == .undecided)
        #expect(sl.verdict(Estimate([0.9])) == .undecided)
        #expect(sl.verdict(nil) == .met)
        let abandon = StaffingTarget(kpi: "abandon_rate", direction: .atMost, bound: 0.05)
        #expect(abandon.verdict(Estimate([0.01, 0.02, 0.015])) == .met)
        #expect(abandon.verdict(Estimate([0.10, 0.11, 0.12])) == .missed)
        #expect(abandon.meanMeets(Estimate([0.04, 0.07, 0.03])))
    }
}

/// A head count per interval becomes subgroups whose shifts cover exactly those intervals.
@Suite struct IntervalStaffingTests {
    @Test func countsPerIntervalBecomeShifts() {
        let group = WorkerGroup(name: "agents", count: 9, attributes: .emptyObject, capacities: [1], activity: 1)
        let groups = IntervalStaffing.groups(staffing: group, counts: [1, 3, 3, 0, 2], interval: 100)
        #expect(groups.map(\.name) == ["agents~1", "agents~2", "agents~3"])
        #expect(groups.map(\.count) == [1, 1, 1])
        #expect(groups[0].shifts == [Shift(start: 0, end: 300), Shift(start: 400, end: .greatestFiniteMagnitude)])
        #expect(groups[1].shifts == [Shift(start: 100, end: 300), Shift(start: 400, end: .greatestFiniteMagnitude)])
        #expect(groups[2].shifts == [Shift(start: 100, end: 300)])
        for time in stride(from: 50.0, to: 500, by: 100) {
            let on = groups.filter { $0.shifts.contains { $0.start <= time && time < $0.end } }.map(\.count).reduce(0, +)
            #expect(on == [1, 3, 3, 0, 2][Int(time / 100)])
        }
    }

    @Test func aFlatCountIsOneGroup() {
        let group = WorkerGroup(name: "agents", count: 9, attributes: .emptyObject, capacities: [1], activity: 1)
        let groups = IntervalStaffing.groups(staffing: group, counts: [4, 4], interval: 60)
        #expect(groups.map(\.name) == ["agents"])
        #expect(groups.map(\.count) == [4])
        #expect(groups[0].shifts == [Shift(start: 0, end: .greatestFiniteMagnitude)])
    }
}
