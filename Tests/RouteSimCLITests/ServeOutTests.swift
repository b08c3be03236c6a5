import Foundation
import GRDB
import Testing

/// `routesim serve --out FILE`: the session goes to a results file that `report`, `export`
/// and `fit` read, and a path that cannot take one is refused before serving.
@Suite struct ServeOutTests {
    @Test func theSessionOfAScenarioWorkspaceIsReportedExportedAndFitted() throws {
        let runner = try CommandRunner()
        // About three simulated hours of the quickstart center, then it stops by itself.
        let served = try runner.run(
            "serve", CommandRunner.scenario("quickstart.yaml"), "--port", "0", "--clock", "realtime", "--speed", "3600",
            "--max-seconds", "3", "--out", "twin.sqlite")
        #expect(served.status == 0, "\(served.stderr)")
        #expect(served.stdout.contains("results:     twin.sqlite"), "\(served.stdout)")
        #expect(served.stdout.contains("wrote 1 run of the session to twin.sqlite"), "\(served.stdout)")
        let file = runner.path("twin.sqlite")
        let (tasks, events, spans, scenario) = try DatabaseQueue(path: file).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM worker_activity") ?? 0,
             try String.fetchOne(db, sql: "SELECT scenario FROM runs"))
        }
        #expect(tasks > 50 && events > tasks && spans > 0)
        #expect(scenario == "Quickstart Support")
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))

        let report = try runner.run("report", file)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Quickstart Support: scenario Quickstart Support, 1 replication"), "\(report.stdout)")
        #expect(!report.stdout.contains("note:"), "\(report.stdout)")
        let export = try runner.run("export", file, "--csv", runner.path("csv"))
        #expect(export.status == 0, "\(export.stderr)")
        let exported = try String(contentsOfFile: runner.path("csv/tasks.csv"), encoding: .utf8)
        #expect(exported.split(whereSeparator: \.isNewline).count == tasks + 1)

        // The events as docs/fit.md exports a run's, then fitted.
        let lines = try DatabaseQueue(path: file).read { db in
            try String.fetchAll(db, sql: """
                SELECT json_object('event_type', event_type, 'event_date_ms', time * 1000, 'event_data', json(event_data))
                FROM events ORDER BY event_index
                """)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: runner.path("events.jsonl"), atomically: true, encoding: .utf8)
        let fit = try runner.run("fit", runner.path("events.jsonl"), "--out", runner.path("fitted.yaml"))
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(FileManager.default.fileExists(atPath: runner.path("fitted.yaml")))
    }

    @Test func runsAlreadyInTheFileAreKeptBesideTheSessionWrittenOnCtrlC() throws {
        let runner = try CommandRunner()
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", "mixed.sqlite").status == 0)
        // Stopped by Ctrl-C: the session is written then. Its clock moves, so its run records something.
        let server = try BackgroundCommand(
            ["serve", CommandRunner.scenario("quickstart.yaml"), "--port", "0", "--clock", "realtime", "--speed", "600",
             "--max-seconds", "120", "--out", "mixed.sqlite"],
            in: runner.folder)
        Thread.sleep(forTimeInterval: 2)
        let served = server.stop(with: SIGINT)
        #expect(server.process.terminationStatus == 0, "\(served.stderr)")
        #expect(served.stdout.contains("wrote 1 run of the session to mixed.sqlite"), "\(served.stdout)")
        let levels = try DatabaseQueue(path: runner.path("mixed.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT record_level FROM runs ORDER BY run_id")
        }
        #expect(levels == ["tasks", "events"])
    }

    @Test func aPathThatCannotTakeResultsIsRefusedBeforeServing() throws {
        let runner = try CommandRunner()
        let notes = try runner.write("notes.txt", "my notes\n")
        let started = Date()
        for (path, message) in [
            (notes, "not a routesim results file (not a SQLite database)"),
            (notes + "/twin.sqlite", "notes.txt is a file, not a folder"),
        ] {
            let output = try runner.run("serve", "--port", "0", "--max-seconds", "60", "--out", path)
            #expect(output.status != 0, "\(path)")
            #expect(output.stderr.contains(message), "\(path): \(output.stderr)")
            #expect(!output.stdout.contains("base URL"), "\(path): it served")
        }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
    }
}
