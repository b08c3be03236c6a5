import Foundation
import GRDB
import Testing

/// `routesim run` end to end: the shipped scenarios, the SQLite file, overrides, JSON.
@Suite struct RunCommandTests {
    @Test(arguments: ["quickstart.yaml", "bilingual-support.yaml", "chat-multitasking.yaml", "erlang-c.yaml", "imported/production-day.yaml", "single-vs-multi.yaml", "trace-day.yaml"])
    func shippedScenarioRuns(name: String) throws {
        let runner = try CommandRunner()
        let output = try runner.run("run", CommandRunner.scenario(name), "--out", runner.path("out.sqlite"))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("service level"))
        let database = try DatabaseQueue(path: runner.path("out.sqlite"))
        let (tasks, reservations, spans, intervals) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM reservations")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM worker_activity")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM intervals")!)
        }
        #expect(tasks > 100)
        #expect(reservations >= tasks / 2)
        #expect(spans > 0)
        #expect(intervals > 0)
    }

    @Test func defaultOutputIsUnderResultsAndRunsAccumulate() throws {
        let runner = try CommandRunner()
        let scenario = CommandRunner.scenario("quickstart.yaml")
        #expect(try runner.run("run", scenario).status == 0)
        let second = try runner.run("run", scenario, "--seed", "2")
        #expect(second.status == 0)
        #expect(second.stdout.contains("run 2 -> results/quickstart.sqlite"))
        let database = try DatabaseQueue(path: runner.path("results/quickstart.sqlite"))
        let seeds = try database.read { try Int.fetchAll($0, sql: "SELECT seed FROM runs ORDER BY run_id") }
        #expect(seeds == [1, 2])
    }

    @Test func sameSeedSameRows() throws {
        let runner = try CommandRunner()
        let scenario = CommandRunner.scenario("bilingual-support.yaml")
        for file in ["a.sqlite", "b.sqlite"] {
            #expect(try runner.run("run", scenario, "--out", runner.path(file)).status == 0)
        }
        #expect(try runner.run("run", scenario, "--out", runner.path("b.sqlite"), "--seed", "9").status == 0)
        let query = """
            SELECT task_sid, stream, queue, worker_sid, created_at, assigned_at, completed_at, canceled_at, status, reason
            FROM tasks WHERE run_id = ? ORDER BY task_sid
            """
        func rows(_ file: String, run: Int) throws -> [Row] {
            try DatabaseQueue(path: runner.path(file)).read { try Row.fetchAll($0, sql: query, arguments: [run]) }
        }
        let first = try rows("a.sqlite", run: 1)
        #expect(first.count > 500)
        #expect(first == (try rows("b.sqlite", run: 1)))
        #expect(first != (try rows("b.sqlite", run: 2)))
    }

    @Test func overridesChangeTheCenter() throws {
        let runner = try CommandRunner()
        let output = try runner.run(
            "run", CommandRunner.scenario("quickstart.yaml"), "--out", runner.path("x.sqlite"), "--json",
            "--set", "workers.early-lunch.count=0", "--set", "workers.late-lunch.count=0")
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        let kpis = json["kpis"] as! [String: Any]
        #expect(kpis["answered"] as? Double == 0)
        #expect((kpis["offered"] as! Double) > 100)
        #expect((kpis["abandoned"] as! Double) > 100)
        #expect(json["run_id"] as? Int == 1)
    }

    @Test func jsonSummaryHasEveryKPI() throws {
        let runner = try CommandRunner()
        let output = try runner.run("run", CommandRunner.scenario("erlang-c.yaml"), "--out", runner.path("e.sqlite"), "--json")
        #expect(output.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        let kpis = json["kpis"] as! [String: Any]
        for key in ["offered", "answered", "abandoned", "service_level", "sl_offered", "sl_answered", "asa", "aht",
                    "occupancy", "reservations_timed_out"] {
            #expect(kpis[key] != nil, "missing \(key)")
        }
        let serviceLevel = kpis["service_level"] as! Double
        #expect(serviceLevel > 0.85 && serviceLevel < 0.93)
    }

    @Test func summaryRecordingKeepsRunsAndIntervalsOnly() throws {
        let runner = try CommandRunner()
        let output = try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", runner.path("s.sqlite"), "--record", "summary")
        #expect(output.status == 0)
        let counts = try DatabaseQueue(path: runner.path("s.sqlite")).read { db in
            try ["runs", "intervals", "tasks", "reservations", "worker_activity"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
            }
        }
        #expect(counts[0] == 1)
        #expect(counts[1] > 0)
        #expect(counts[2...] == [0, 0, 0])
    }
}
