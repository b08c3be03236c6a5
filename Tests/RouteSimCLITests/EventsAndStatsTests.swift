import Foundation
import GRDB
import Testing

/// `routesim run --events` and `routesim stats`: TaskRouter's events and statistics in the file.
@Suite struct EventsAndStatsTests {
    @Test func eventsFollowTheWorkspaceEventsFilter() throws {
        let runner = try CommandRunner()
        let output = try runner.run("run", CommandRunner.scenario("bilingual-support.yaml"), "--out", runner.path("b.sqlite"), "--events")
        #expect(output.status == 0, "\(output.stderr)")
        let (types, created, tasks, level) = try DatabaseQueue(path: runner.path("b.sqlite")).read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT event_type FROM events ORDER BY 1"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE event_type = 'task.created'")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks")!,
             try String.fetchOne(db, sql: "SELECT record_level FROM runs")!)
        }
        #expect(Set(types).isSubset(of: ["task.created", "task.canceled", "reservation.timeout", "worker.activity.update"]))
        #expect(types.contains("task.created"))
        #expect(created == tasks)
        #expect(level == "events")
    }

    @Test func everyEventOverridesTheWorkspaceEventsFilter() throws {
        let runner = try CommandRunner()
        let output = try runner.run(
            "run", CommandRunner.scenario("bilingual-support.yaml"), "--out", runner.path("b.sqlite"), "--every-event")
        #expect(output.status == 0, "\(output.stderr)")
        let types = try DatabaseQueue(path: runner.path("b.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT event_type FROM events ORDER BY 1")
        }
        // The filter names four types; a fit needs the reservations' and the tasks' ends too.
        #expect(Set(["task.created", "reservation.created", "reservation.accepted", "task.completed", "task.wrapup"])
            .isSubset(of: Set(types)), "\(types)")
    }

    @Test func everyEventTypeWithoutAFilterAndNoneByDefault() throws {
        let runner = try CommandRunner()
        let scenario = CommandRunner.scenario("quickstart.yaml")
        #expect(try runner.run("run", scenario, "--out", runner.path("q.sqlite"), "--record", "events").status == 0)
        #expect(try runner.run("run", scenario, "--out", runner.path("q.sqlite")).status == 0)
        let (perRun, first) = try DatabaseQueue(path: runner.path("q.sqlite")).read { db in
            (try Int.fetchAll(db, sql: "SELECT (SELECT count(*) FROM events e WHERE e.run_id = r.run_id) FROM runs r ORDER BY run_id"),
             try Row.fetchOne(db, sql: """
                SELECT event_type, resource_type, json_extract(event_data, '$.task_queue_name') AS queue
                FROM events WHERE run_id = 1 AND event_type = 'reservation.accepted' LIMIT 1
                """)!)
        }
        #expect(perRun[0] > 3_000)
        #expect(perRun[1] == 0)
        #expect(first["resource_type"] as String == "reservation")
        #expect(first["queue"] as String == "Support")
    }

    @Test func statsPrintsTaskRouterDocuments() throws {
        let runner = try CommandRunner()
        let file = runner.path("s.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file, "--record", "summary").status == 0)
        func json(_ arguments: String...) throws -> Any {
            let output = try runner.run(["stats", file] + arguments)
            #expect(output.status == 0, "\(output.stderr)")
            return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        }
        let workspace = try json() as! [String: Any]
        let cumulative = workspace["statistics"] as! [String: Any]
        #expect(workspace["kind"] as? String == "workspace")
        #expect((cumulative["tasks_created"] as! Int) > 500)
        #expect(cumulative["split_by_wait_time"] != nil)
        let queue = try json("--queue", "Support") as! [String: Any]
        #expect(queue["name"] as? String == "Support")
        let worker = try json("--worker", "early-lunch-001") as! [String: Any]
        #expect((worker["statistics"] as! [String: Any])["activity_durations"] != nil)
        let snapshots = try json("--realtime") as! [[String: Any]]
        #expect(snapshots.count == 16)
        let atTwoHours = try json("--queue", "Support", "--at", "7300") as! [String: Any]
        #expect(atTwoHours["time"] as? Double == 7200)
        #expect((atTwoHours["statistics"] as! [String: Any])["total_eligible_workers"] as? Int == 10)
    }

    @Test func statsBadRequests() throws {
        let runner = try CommandRunner()
        let file = runner.path("s.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file, "--record", "summary").status == 0)
        let unknown = try runner.run("stats", file, "--queue", "Nope")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("expected one of: Support"))
        #expect(try runner.run("stats", file, "--queue", "Support", "--worker", "x").status != 0)
        let missing = try runner.run("stats", runner.path("none.sqlite"))
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no such results file"))
    }
}
