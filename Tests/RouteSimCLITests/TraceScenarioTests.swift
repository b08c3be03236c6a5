import Foundation
import GRDB
import Testing

/// The shipped replayed day runs as shipped: one task per CSV row, with the row's attributes.
@Suite struct TraceScenarioTests {
    @Test func traceDayRunsAsShipped() throws {
        let runner = try CommandRunner()
        let output = try runner.run("run", CommandRunner.scenario("trace-day.yaml"), "--out", runner.path("out.sqlite"))
        #expect(output.status == 0, "\(output.stderr)")
        let csv = try String(contentsOfFile: CommandRunner.scenario("trace-day.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        let database = try DatabaseQueue(path: runner.path("out.sqlite"))
        let (count, first) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks")!,
             try Row.fetchOne(db, sql: "SELECT created_at, attributes FROM tasks ORDER BY created_at LIMIT 1")!)
        }
        #expect(count == rows.count)
        let cells = rows.first!.split(separator: ",", omittingEmptySubsequences: false)
        #expect(first["created_at"] as Double == Double(cells[0])!)
        let attributes: String = first["attributes"]
        #expect(attributes.contains(#""language":"\#(cells[1])""#))
        #expect(attributes.contains(#""source":"recorded""#))
    }
}
