import Foundation
import RouteSim
@testable import RouteSimReport
import RouteSimStore
import Testing

/// Charts a planner can read: counts tick at whole numbers, and a line that coincides
/// with another stays visible and says so.
@Suite struct ChartReadabilityTests {
    /// The y tick labels of `svg` (the right-aligned texts left of the plot).
    static func yTicks(_ svg: String) -> [String] {
        svg.components(separatedBy: "text-anchor=\"end\" fill=\"#444\">").dropFirst().map { $0.components(separatedBy: "<")[0] }
    }

    /// The chart of `html` whose title starts with `title`.
    static func chart(_ html: String, _ title: String) throws -> String {
        try #require(HTMLReportTests.svgs(html).first { $0.contains("<title>" + title) }, "no chart \(title)")
    }

    @Test func countAxesTickAtWholeNumbers() {
        for high in [0.4, 1.5, 3, 7.3, 12.5, 14, 23, 125, 2_345.6] {
            let axis = Axis.linear(over: [high], integers: true, title: "agents")
            #expect(axis.ticks.allSatisfy { $0.value == $0.value.rounded() }, "\(high): \(axis.ticks.map(\.label))")
            #expect(axis.high >= high && axis.ticks.count >= 2)
        }
        #expect(Axis.linear(over: [12.5], integers: true, title: "agents").ticks.map(\.label) == ["0", "5", "10", "15"])
        #expect(Axis.linear(over: [12.5], title: "s").ticks.map(\.label) == ["0", "2.5", "5", "7.5", "10", "12.5"])
    }

    @Test func agentsAndTaskChartsOfAReportHaveIntegerTicks() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, groups) = try ReportFixture.compare(in: folder)
        let html = HTMLReport(path: path, groups: groups).render()
        for title in ["Agents by activity per interval, base", "Tasks waiting", "Offered, answered, abandoned per interval"] {
            let ticks = Self.yTicks(try Self.chart(html, title))
            #expect(!ticks.isEmpty && ticks.allSatisfy { Int($0) != nil }, "\(title): \(ticks)")
        }
    }

    @Test func identicalLinesAreBothVisibleAndTheLegendSaysTheyCoincide() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("same.sqlite").path
        try ReportFixture.record(
            into: path,
            variants: [("single", ["workspace.multi_task_enabled=false"]), ("multi", ["workspace.multi_task_enabled=true"])],
            replications: 1)
        let groups = try ReportGroup.groups(in: ResultStore(path: path))
        #expect(groups[0].intervals.map(\.kpis) == groups[1].intervals.map(\.kpis), "one channel: multitasking changes nothing")
        let html = HTMLReport(path: path, groups: groups).render()
        HTMLReportTests.checkPage(html)
        let service = try Self.chart(html, "Service level per interval")
        #expect(service.contains(">multi (same line as single)<"))
        let lines = service.components(separatedBy: "<polyline").dropFirst()
        #expect(lines.count == 2)
        #expect(!lines.first!.contains("stroke-dasharray"), "the first line is solid")
        #expect(lines.last!.contains("stroke-dasharray=\"6 6\""), "the second leaves gaps where the first shows")
    }

    @Test func threeCoincidingLinesTakeTurns() {
        let frame = SVGChart(
            title: "t", x: Axis.linear(over: [0, 2], title: "h"), y: Axis.linear(over: [0, 1], title: "v"), legend: [])
        let values: [Double?] = [0.2, 0.4, 0.6]
        let series = ["a", "b", "c"].enumerated().map { ChartSeries(name: $1, color: ChartPalette.color($0), values: values) }
            + [ChartSeries(name: "d", color: "#000", values: [0.2, 0.4, 0.7])]
        let svg = LineChart(frame: frame, xs: [0, 1, 2], series: series).render()
        let lines = svg.components(separatedBy: "<polyline").dropFirst().map { $0.components(separatedBy: "/>")[0] }
        #expect(!lines[0].contains("dash") && !lines[3].contains("dash"))
        #expect(lines[1].contains("stroke-dasharray=\"6 12\" stroke-dashoffset=\"18\""))
        #expect(lines[2].contains("stroke-dasharray=\"6 12\" stroke-dashoffset=\"12\""))
        #expect(svg.contains(">b (same line as a)<") && svg.contains(">c (same line as a)<") && svg.contains(">d<"))
    }
}
