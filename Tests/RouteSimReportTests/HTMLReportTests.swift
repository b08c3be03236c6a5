import Foundation
import RouteSim
import RouteSimReport
import RouteSimStore
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML page: one SVG per chart, each well-formed XML, nothing fetched, and the
/// file's queues and KPI values on the page.
@Suite struct HTMLReportTests {
    /// Every `<svg>…</svg>` element of `html`.
    static func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    /// Checks what every report page must satisfy.
    static func checkPage(_ html: String) {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for tag in ["html", "body", "table", "tr", "figure", "svg", "h2"] {
            #expect(html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count, "\(tag)")
        }
        let figures = html.components(separatedBy: "<figure>").count - 1
        #expect(figures > 0)
        #expect(svgs(html).count == figures, "one <svg> per chart")
        for forbidden in ["http:", "https:", "<script", " src=", "url(", "@import", "<link"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for svg in svgs(html) {
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? ""): \(svg.prefix(200))")
            #expect(svg.contains("<title>"))
            #expect(!svg.contains("nan") && !svg.contains("inf"), "no coordinates from a division by zero")
        }
    }

    @Test func compareFileShowsVariantsSideBySideWithTheirIntervals() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, groups) = try ReportFixture.compare(in: folder)
        #expect(groups.map(\.label) == ["base", "lean"])
        #expect(groups.map(\.summary.replications) == [3, 3])
        let html = HTMLReport(path: path, groups: groups).render()
        Self.checkPage(html)
        #expect(html.contains("Groups side by side"))
        #expect(html.contains("Support"))
        for group in groups {
            for name in ["sl", "asa", "occupancy", "offered"] {
                let estimate = try #require(group.summary.kpi(name)).estimate
                let format = KPIFormat.of(name)
                #expect(html.contains(format.text(estimate)), "\(group.label) \(name)")
                #expect(html.contains(SVGEscaped.of(format.interval(estimate))), "\(group.label) \(name)")
            }
        }
        #expect(html.contains(">base<") && html.contains(">lean<"), "legends and axes name the variants")
        #expect(html.contains("hours from start"))
        #expect(html.contains("Agents by activity per interval, lean"))
        #expect(html.contains("Lunch"), "activity mix from the spans")
    }

    @Test func singleRunAtSummaryLevelFallsBackToIntervalOccupancy() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("one.sqlite").path
        try ReportFixture.record(into: path, variants: [(nil, [])], replications: 1, level: .summary)
        let groups = try ReportGroup.groups(in: ResultStore(path: path))
        let html = HTMLReport(path: path, groups: groups).render()
        Self.checkPage(html)
        #expect(!html.contains("Groups side by side"))
        #expect(html.contains("No activity spans were recorded"))
        #expect(html.contains("Staffed agents, busy and idle, per interval") && html.contains("busy (holding a task)"))
        #expect(html.contains(">pending<") && html.contains(">reserved<"))
        let offered = try #require(groups[0].summary.kpi("offered")).estimate.mean
        #expect(html.contains(">\(Int(offered))<"))
    }
}

/// `text` as the page escapes it.
enum SVGEscaped {
    static func of(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
