import Foundation
import GRDB
import Testing

/// `routesim report`: text, JSON and HTML from a file `run` wrote; one line and nothing
/// written on bad input.
@Suite struct ReportCommandTests {
    @Test func reportsARunAsTextJSONAndHTML() throws {
        let runner = try CommandRunner()
        let database = runner.path("q.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", database).status == 0)

        let text = try runner.run("report", database)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("quickstart: scenario quickstart, 1 replication"))
        #expect(text.stdout.contains("service level"))
        #expect(text.stdout.contains("Support"))

        let json = try runner.run("report", database, "--json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["groups"] as? [Any])?.count == 1)

        let page = runner.path("report.html")
        let html = try runner.run("report", database, "--html", page)
        #expect(html.status == 0, "\(html.stderr)")
        let content = try String(contentsOfFile: page, encoding: .utf8)
        #expect(content.contains("<svg") && content.contains("Support"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).sorted() == ["q.sqlite", "report.html"])
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let runner = try CommandRunner()
        let missing = try runner.run("report", runner.path("nope.sqlite"))
        #expect(missing.status == 1)
        #expect(missing.stderr == "routesim: error: \(runner.path("nope.sqlite")): no such results file\n")
        #expect(!FileManager.default.fileExists(atPath: runner.path("nope.sqlite")))

        let text = try runner.write("notes.txt", "not a database at all, just some words that are long enough")
        let garbage = try runner.run("report", text)
        #expect(garbage.status == 1)
        #expect(garbage.stderr.hasPrefix("routesim: error: cannot open \(text)"))
        #expect(garbage.stderr.split(separator: "\n").count == 1)

        let other = runner.path("other.sqlite")
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
        let foreign = try runner.run("report", other)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("not a routesim results file"))
        let tables = try DatabaseQueue(path: other).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["t"], "a file that is not routesim's is left as it was")

        let database = runner.path("q.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", database, "--record", "summary").status == 0)
        let blocker = try runner.write("file", "not a folder")
        let unwritable = try runner.run("report", database, "--html", blocker + "/report.html")
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.hasPrefix("routesim: error: cannot write \(blocker)/report.html"))
        #expect(unwritable.stderr.split(separator: "\n").count == 1)
        #expect(unwritable.stdout.isEmpty)
    }
}
