import Foundation
import RouteSim
import RouteSimReport
import RouteSimStore
import Testing

/// What the report says about how its groups were formed: runs counted once as repeats,
/// and runs of an older file grouped without their configuration.
@Suite struct GroupNotesTests {
    @Test func aRepeatedRunIsCountedOnceAndNamedInTextAndHTML() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("twice.sqlite").path
        for _ in 0..<2 { try ReportFixture.record(into: path, variants: [(nil, [])], replications: 1, level: .summary) }
        let groups = try ReportGroup.groups(in: ResultStore(path: path))
        #expect(groups.count == 1)
        #expect(groups[0].runIDs == [1])
        #expect(groups[0].summary.replications == 1)
        let note = "run 2 repeats run 1 (same configuration, seed and replication): one sample, counted once"
        #expect(groups[0].notes == [note])
        #expect(SummaryText(path: path, groups: groups).render().contains("\nnote: " + note + "\n"))
        let html = HTMLReport(path: path, groups: groups).render()
        HTMLReportTests.checkPage(html)
        #expect(html.contains("2 runs in 1 group"))
        #expect(html.contains("Note on quickstart: " + note + "."))
        #expect(html.contains("quickstart<br><span class=\"ci\">1 replication</span>"))
    }

    @Test func runsStoredWithoutAConfigurationAreGroupedAsBeforeWithANote() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try ReportFixture.record(
            into: path, variants: [(nil, []), (nil, ["workers.late-lunch.count=4"])], replications: 1, level: .summary,
            hashed: false)
        let groups = try ReportGroup.groups(in: ResultStore(path: path))
        #expect(groups.count == 1, "grouped by experiment, scenario, variant and point as before")
        #expect(groups[0].summary.replications == 2)
        let note = try #require(groups[0].notes.first)
        #expect(note.hasPrefix("stored before routesim recorded each run's configuration"))
        #expect(SummaryText(path: path, groups: groups).render().contains("note: " + note))
        let html = HTMLReport(path: path, groups: groups).render()
        #expect(html.contains("Note on quickstart: " + note.replacingOccurrences(of: "'", with: "&#39;")))
    }

    @Test func groupsThatLookAlikeAreLabelledByTheirOverrides() throws {
        let folder = try ReportFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("two.sqlite").path
        try ReportFixture.record(into: path, variants: [(nil, [])], replications: 1, level: .summary)
        try ReportFixture.record(into: path, variants: [(nil, ["workers.late-lunch.count=4", "seed=2"])], replications: 1, level: .summary)
        let groups = try ReportGroup.groups(in: ResultStore(path: path))
        #expect(groups.map(\.label) == ["quickstart (no --set)", "quickstart (--set workers.late-lunch.count=4)"])
        #expect(groups.allSatisfy { $0.notes.isEmpty })

        for count in [3, 2] {
            try ReportFixture.record(
                into: path, variants: [(nil, ["workers.late-lunch.count=\(count)"])], replications: 1, level: .summary,
                hashed: false)
        }
        let mixed = try ReportGroup.groups(in: ResultStore(path: path))
        #expect(mixed.map(\.label).last == "quickstart (configuration not recorded)", "not the overrides of one of its runs")
    }
}
