import Foundation
import RouteSim
@testable import RouteSimReport
import RouteSimStore
import Testing

/// The terminal and JSON summaries, and the axes the charts share.
@Suite struct SummaryTests {
    @Test func textAndJSONGiveEveryKPIWithItsInterval() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, groups) = try ReportFixture.compare(in: folder)

        let text = SummaryText(path: path, groups: groups).render()
        #expect(text.contains("base: scenario quickstart, variant base, compare experiment 1, 3 replications"))
        let sl = try #require(groups[1].summary.kpi("sl")).estimate
        #expect(text.contains(KPIFormat.of("sl").interval(sl)))
        let queueHead = try #require(text.split(separator: "\n").first { $0.hasPrefix("  queue ") })
        let queueRow = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Support ") })
        #expect(queueHead.count == queueRow.count, "right-aligned columns end together")

        let json = try #require(JSONSerialization.jsonObject(with: Data(SummaryJSON(path: path, groups: groups).render().utf8)) as? [String: Any])
        let entries = try #require(json["groups"] as? [[String: Any]])
        #expect(entries.map { $0["variant"] as? String } == ["base", "lean"])
        let kpis = try #require(entries[1]["kpis"] as? [String: [String: Any]])
        #expect(abs((kpis["sl"]?["low"] as? Double ?? 0) - sl.low) < 1e-12)
        #expect(kpis["sl"]?["count"] as? Int == 3)
        let queues = try #require(entries[0]["queues"] as? [[String: Any]])
        #expect(queues.first?["queue"] as? String == "Support")
    }

    @Test func oneReplicationHasNoInterval() {
        let format = KPIFormat.of("asa")
        let estimate = Estimate([17.04])
        #expect(format.text(estimate) == "17.0 s")
        #expect(format.interval(estimate) == "-")
        #expect(KPIFormat.of("sl").text(Estimate([0.5, 0.7])).hasPrefix("60.0 % ± "))
    }

    @Test func axesTickAtRoundNumbers() {
        let counts = Axis.linear(over: [3, 741], title: "tasks")
        #expect(counts.low == 0 && counts.high == 800)
        #expect(counts.ticks.map(\.label) == ["0", "200", "400", "600", "800"])
        let day = Axis.hours(from: 0, to: 28_800)
        #expect(day.ticks.map(\.label) == (0...8).map(String.init))
        #expect(Axis.hours(from: 0, to: 86_400).ticks.count == 13)
        #expect(Axis.fraction(title: "sl").ticks.last?.label == "100 %")
        #expect(Axis.linear(over: [0, 0], title: "flat").high == 1)
    }
}
