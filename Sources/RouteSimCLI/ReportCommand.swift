import ArgumentParser
import Foundation
import RouteSimReport
import RouteSimStore

/// `routesim report RESULTS.sqlite`: the KPIs of every group of runs with confidence
/// intervals, as aligned text, JSON, or a self-contained HTML page with charts.
struct ReportCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarize a results file: each KPI's mean and 95 % CI per group of runs, per queue; --html for a page with charts.",
        discussion: """
            Runs are grouped by experiment, scenario, variant, sweep point and configuration (the \
            scenario after overrides, and the files it reads); a group's runs are its replications, a run \
            repeating another's seed and replication counted once (docs/experiments.md). --html writes \
            one HTML file with inline SVG charts (no script, nothing fetched) and still prints the text \
            summary.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Each KPI's mean and 95 % CI per group of runs, and per queue",
         "routesim report results/quickstart.sqlite"),
        ("Also a self-contained page of charts",
         "routesim report results/single-vs-multi-compare.sqlite --html results/single-vs-multi.html"),
        ("The same summary for scripts",
         "routesim report results/quickstart.sqlite --json"),
    ]

    @Argument(help: "A results file written by routesim (run, batch, compare, sweep, staff).")
    var database: String

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Option(help: "Also write an HTML report with charts to this file.")
    var html: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw ReportError(problem: "\(database): no such results file")
        }
        let store = try ResultStore.forReading(database)
        let groups = try ReportGroup.groups(in: store)
        guard !groups.isEmpty else { throw ReportError(problem: "\(database): the file holds no run") }
        if let html {
            let page = HTMLReport(path: database, groups: groups).render()
            do {
                try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                throw ReportError(problem: "cannot write \(html): \((error as NSError).localizedDescription)")
            }
        }
        print(json ? SummaryJSON(path: database, groups: groups).render() : SummaryText(path: database, groups: groups).render())
    }
}
