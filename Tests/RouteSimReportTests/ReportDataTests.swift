import Foundation
import RouteSim
@testable import RouteSimReport
import RouteSimStore
import Testing

/// What the report reads from a file: interval totals, waiting tasks and activity mix
/// agree with the runs' own summaries.
@Suite struct ReportDataTests {
    @Test func intervalsActivitiesAndSnapshotsAddUp() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, groups) = try ReportFixture.compare(in: folder)
        for group in groups {
            let all = group.intervals.filter { $0.queue == nil }
            #expect(all.count == 16)
            #expect(all.allSatisfy { $0.runs == 3 })
            let offered = all.filter { !$0.warmup }.reduce(0) { $0 + $1.kpis.offered }
            let runsOffered = try #require(group.summary.kpi("offered")).estimate.mean * 3
            #expect(Double(offered) == runsOffered.rounded(), "warm-up excluded, the intervals sum to the runs")
            #expect(group.intervals.filter { $0.queue == "Support" }.count == 16)

            let agents = group.summary.variant == "lean" ? 9.0 : 10.0
            for interval in 0..<16 {
                let total = group.activities.filter { $0.interval == interval }.reduce(0) { $0 + $1.agents }
                #expect(abs(total - agents) < 1e-6, "every agent is in one activity all the time")
            }
            #expect(Set(group.activities.map(\.activity)).isSuperset(of: ["Available", "Lunch"]))
            #expect(group.waiting.allSatisfy { $0.queue == "Support" && $0.pending >= 0 && $0.reserved >= 0 })
            #expect(group.waiting.count == 16)
            #expect(group.thresholds == [20])
        }
    }

    @Test func pointsReadAsAssignments() {
        #expect(ReportGroup.pointText(#"{"workers.agents.count": 13, "arrivals.voice.rate": "120/h"}"#)
            == "arrivals.voice.rate=120/h workers.agents.count=13")
    }
}
