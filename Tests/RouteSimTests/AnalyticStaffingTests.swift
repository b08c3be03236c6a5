import Foundation
import Testing
@testable import RouteSim

/// Where the staffing search looks first: Erlang A for any patience, the fewest agents the
/// formulas give for a cell's load, and the load read from a run's tasks.
@Suite struct AnalyticStaffingTests {
    typealias C = TestCenter

    /// P(wait > 0), P(abandon) and the mean wait agree with a direct evaluation of the chain
    /// and of each caller's fate (``BirthDeathQueue``) for patience shorter and longer than
    /// the handle time.
    @Test(arguments: [
        (arrivals: 10.0 / 180, handle: 180.0, patience: 60.0, agents: 8),
        (arrivals: 0.25, handle: 240.0, patience: 600.0, agents: 55),
        (arrivals: 0.1, handle: 600.0, patience: 120.0, agents: 50),
        (arrivals: 0.02, handle: 100.0, patience: 100.0, agents: 1),
    ])
    func erlangAChainAgreesWithTheCallersFates(arrivals: Double, handle: Double, patience: Double, agents: Int) {
        let formula = ErlangAChain(arrivalRate: arrivals, meanHandle: handle, meanPatience: patience, agents: agents)
        let chain = BirthDeathQueue(arrivalRate: arrivals, meanHandle: handle, meanPatience: patience, agents: agents)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-8 * max(abs(b), 1e-12) }
        #expect(close(formula.probabilityOfWait, chain.probabilityOfWait))
        #expect(close(formula.probabilityOfAbandon, chain.probabilityOfAbandon))
        #expect(close(formula.meanWait, chain.meanWait))
    }

    /// E1 (A = 10 Erlangs, 20 s): Erlang C gives 79.6 % for 13 agents and 88.8 % for 14.
    @Test func erlangCsAnswerWhenNobodyHangsUp() {
        let load = CellLoad(arrivalRate: 1.0 / 18, meanHandle: 180, meanPatience: nil)
        func fewest(_ kpi: String, _ direction: StaffingTarget.Direction, _ bound: Double) -> Int {
            AnalyticStaffing.fewest(load, targets: [StaffingTarget(kpi: kpi, direction: direction, bound: bound)],
                                    threshold: 20, upper: 1000)
        }
        #expect(fewest("sl", .atLeast, 0.8) == 14)
        #expect(fewest("sl", .atLeast, 0.7) == 13)
        #expect(fewest("asa", .atMost, 8) == 14)
        #expect(fewest("aht", .atMost, 1) == 11, "no formula: the fewest agents for a stable queue")
        #expect(AnalyticStaffing.fewest(load, targets: [], threshold: 20, upper: 5) == 5, "capped at the upper bound")
        #expect(AnalyticStaffing.fewest(CellLoad(arrivalRate: 0, meanHandle: 0, meanPatience: nil), targets: [],
                                        threshold: 20, upper: 50) == 0)
    }

    /// Callers who hang up leave the queue shorter: never more agents than Erlang C's, and an
    /// abandonment target is met with agents below the load.
    @Test func erlangAWhereCallersHangUp() {
        let sl = [StaffingTarget(kpi: "sl", direction: .atLeast, bound: 0.8)]
        let patient = CellLoad(arrivalRate: 0.25, meanHandle: 240, meanPatience: 120)
        let erlangC = CellLoad(arrivalRate: 0.25, meanHandle: 240, meanPatience: nil)
        let withAbandonment = AnalyticStaffing.fewest(patient, targets: sl, threshold: 20, upper: 1000)
        #expect(withAbandonment <= AnalyticStaffing.fewest(erlangC, targets: sl, threshold: 20, upper: 1000))
        #expect(withAbandonment > 40)
        let abandon = [StaffingTarget(kpi: "abandon_rate", direction: .atMost, bound: 0.5)]
        #expect(AnalyticStaffing.fewest(patient, targets: abandon, threshold: 20, upper: 1000) < 60)
    }

    /// The one count of KPI intervals, for the statistics, the offered load and the staffing
    /// cells: a partial last interval counts, and a run has at least one.
    @Test func intervalsCoverTheHorizon() {
        var spec = C.spec(
            queues: [C.queue("All")], workflow: C.workflow([C.filter("1==1", [C.target(0)])]),
            groups: [C.group("A")], arrivals: [C.calls(at: [], handle: 100)], horizon: 7_200)
        spec.interval = 3_600
        #expect(spec.intervalCount == 2)
        #expect(OfferedLoad.cells(of: [], spec: spec, perInterval: true)[0].count == 2)
        spec.horizon = 7_201
        #expect(spec.intervalCount == 3)
        spec.horizon = 0
        #expect(spec.intervalCount == 1)
    }

    /// Two groups share one queue: answered tasks count for the group that answered them, an
    /// unanswered one is split by the shares answered in its interval, else over the run.
    @Test func loadSplitsByWhereTasksWereAnswered() {
        var spec = C.spec(
            queues: [C.queue("All")], workflow: C.workflow([C.filter("1==1", [C.target(0)])]),
            groups: [C.group("A", count: 2), C.group("B")],
            arrivals: [C.calls(at: [], handle: 100, patience: 60)], horizon: 7_200)
        spec.interval = 3_600
        func task(_ created: Double, worker: Int?, handle: Double) -> TaskRecord {
            TaskRecord(
                index: 0, stream: 0, channel: C.voice, workflow: 0, priority: 0, createdAt: created, firstQueue: 0,
                queue: 0, worker: worker, assignedAt: worker.map { _ in created },
                wrapupAt: nil, completedAt: worker.map { _ in created + handle },
                canceledAt: worker == nil ? created + 60 : nil, status: worker == nil ? .canceled : .completed,
                reason: worker == nil ? .canceled(.abandoned) : .completed, reservationCount: 0, waitSeconds: 0)
        }
        let tasks = [task(10, worker: 0, handle: 200), task(20, worker: 2, handle: 100), task(30, worker: nil, handle: 0),
                     task(4_000, worker: nil, handle: 0)]
        let cells = OfferedLoad.cells(of: tasks, spec: spec, perInterval: true)
        #expect(cells[0][0] == CellLoad(arrivalRate: 1.5 / 3_600, meanHandle: 250 / 1.5, meanPatience: 60))
        #expect(cells[1][0] == CellLoad(arrivalRate: 1.5 / 3_600, meanHandle: 100, meanPatience: 60))
        #expect(cells[0][1] == CellLoad(arrivalRate: 0.5 / 3_600, meanHandle: 100, meanPatience: 60))
        #expect(cells[1][1] == cells[0][1])
        let run = OfferedLoad.cells(of: tasks, spec: spec, perInterval: false)
        #expect(run[0] == [CellLoad(arrivalRate: 2 / 7_200, meanHandle: 300 / 2, meanPatience: 60)])
    }
}
