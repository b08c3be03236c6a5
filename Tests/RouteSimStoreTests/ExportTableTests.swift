import RouteSim
@testable import RouteSimStore
import Testing

/// The export's `summary` table made from replication summaries.
@Suite struct ExportTableTests {
    @Test func summaryRowsPerKPIAndQueueWithTheirIntervals() {
        let one = KPIEstimate(name: "offered", estimate: Estimate([100]))
        let three = KPIEstimate(name: "sl", estimate: Estimate([0.8, 0.85, 0.9]))
        let groups = [
            RunGroupSummary(
                experimentID: nil, command: nil, scenario: "quickstart", variant: nil, point: nil, replications: 1,
                runIDs: [1], kpis: [one], queues: [QueueKPIs(queue: "Support", kpis: [one])]),
            RunGroupSummary(
                experimentID: 2, command: "sweep", scenario: "erlang-c", variant: "multi",
                point: #"{"workers.agents.count":13}"#, configuration: "0123456789abcdef", replications: 3,
                runIDs: [2, 3, 4], repeatedRuns: [RepeatedRun(runID: 5, original: 2), RepeatedRun(runID: 6, original: 3)],
                kpis: [three], queues: []),
        ]
        let table = ExportTable.summary(groups)
        guard case .rows(let rows) = table.source else {
            Issue.record("the summary is made in memory")
            return
        }
        #expect(table.columns.count == rows[0].count)
        #expect(rows[0] == [.empty, .empty, .text("quickstart"), .empty, .empty, .empty, .text("offered"), .number(100),
                            .empty, .empty, .integer(1), .empty, .empty])
        #expect(rows[1][5] == .text("Support"))
        let estimate = three.estimate
        #expect(rows[2] == [.integer(2), .text("sweep"), .text("erlang-c"), .text("multi"),
                            .text(#"{"workers.agents.count":13}"#), .empty, .text("sl"), .number(estimate.mean),
                            .number(estimate.low), .number(estimate.high), .integer(3), .text("0123456789abcdef"),
                            .text("5 6")])
        #expect(rows.count == 3)
    }
}
