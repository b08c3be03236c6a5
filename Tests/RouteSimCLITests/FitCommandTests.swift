import Foundation
import GRDB
import Testing

/// `routesim fit` end to end: the shipped history fits into a scenario that validates and runs,
/// bad input is told row by row, and the Anonymous Bank layout reads through `--map`.
@Suite struct FitCommandTests {
    @Test func shippedHistoryFitsIntoAScenarioThatValidatesAndRuns() throws {
        let runner = try CommandRunner()
        let history = CommandRunner.scenario("history/calls.csv")
        let fit = try runner.run("fit", history, "--out", runner.path("fitted.yaml"), "--html", runner.path("fit.html"))
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("on 5 days, 2 streams, interval 30 min"))
        #expect(fit.stdout.contains("naive mean (hung-up callers only"))
        #expect(fit.stdout.contains("* weibull"))
        #expect(fit.stdout.contains("agents seen at work per interval (mean over the days): peak 20 busy; the scenario has 20 at the peak"))
        #expect(fit.stdout.contains("\n    17:00  19.8 busy, 20 on shift\n    17:30  17.6 busy, 17.6 on shift\n"))
        let scenario = try String(contentsOfFile: runner.path("fitted.yaml"), encoding: .utf8)
        #expect(scenario.contains("rate_multiplier: {dist: gamma, mean: 1"))
        #expect(scenario.contains("start: 2025-03-03T08:00:00"))
        let page = try String(contentsOfFile: runner.path("fit.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Kaplan-Meier"))
        #expect(page.components(separatedBy: "<figure").count - 1 == 8)
        #expect(page.contains("naive (hung-up callers only)"))
        let validate = try runner.run("validate", runner.path("fitted.yaml"))
        #expect(validate.status == 0, "\(validate.stderr)")
        let run = try runner.run("run", runner.path("fitted.yaml"), "--out", runner.path("fitted.sqlite"))
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func empiricalQuantilesReplaceTheFamilies() throws {
        let runner = try CommandRunner()
        let fit = try runner.run(
            "fit", CommandRunner.scenario("history/calls.csv"), "--empirical", "50", "--out", runner.path("fitted.yaml"))
        #expect(fit.status == 0, "\(fit.stderr)")
        let scenario = try String(contentsOfFile: runner.path("fitted.yaml"), encoding: .utf8)
        #expect(scenario.components(separatedBy: "handle_time: {dist: empirical").count == 3)
        #expect(try runner.run("validate", runner.path("fitted.yaml")).status == 0)
    }

    @Test func badRowsAreToldAllAtOnce() throws {
        let runner = try CommandRunner()
        let history = try runner.write("calls.csv", """
            arrived_at,queue,answered_at,ended_at
            10,sales,20,200
            x,sales,,
            30,sales,50,40
            """)
        let fit = try runner.run("fit", history, "--out", runner.path("fitted.yaml"))
        #expect(fit.status == 1)
        #expect(fit.stderr.contains(#"routesim: error: history "\#(history)" row 2 (line 3): arrived_at: expected seconds"#))
        #expect(fit.stderr.contains(#"routesim: error: history "\#(history)" row 3 (line 4): ended_at is before answered_at"#))
        #expect(!FileManager.default.fileExists(atPath: runner.path("fitted.yaml")))
        let map = try runner.run("fit", history, "--map", "arrived_at")
        #expect(map.status == 1)
        #expect(map.stderr.contains(#"routesim: error: --map: expected NAME=COLUMN, found "arrived_at""#))
        let interval = try runner.run("fit", history, "--interval", "2d")
        #expect(interval.stderr.contains("routesim: error: --interval: expected a duration from 1 s to one day"))
    }

    @Test func anonymousBankLayoutReadsThroughMap() throws {
        let runner = try CommandRunner()
        let history = try runner.write("bank.csv", """
            vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server
            AA0101,1,0,2,PS,990101,7:00:31,7:00:36,5,7:00:36,7:03:09,153,HANG,0:00:00,0:00:00,0,NO_SERVER
            AA0101,2,0,0,PS,990101,7:34:12,7:34:23,11,7:34:23,7:34:40,17,AGENT,7:34:40,7:37:06,146,MICHAL
            AA0101,3,0,0,PS,990101,7:55:20,7:55:26,6,7:55:26,7:55:43,17,PHANTOM,0:00:00,0:00:00,0,NO_SERVER
            AA0101,4,0,2,PS,990102,7:10:00,7:10:10,10,7:10:10,7:11:40,90,AGENT,7:11:40,7:16:40,300,ANAT
            AA0101,5,0,2,PS,990102,7:40:00,7:40:10,10,7:40:10,7:41:00,50,AGENT,7:41:00,7:45:00,240,ANAT
            """)
        let fit = try runner.run(
            "fit", history, "--out", runner.path("bank.yaml"), "--map", "arrived_at=vru_exit", "--map", "answered_at=ser_start",
            "--map", "ended_at=ser_exit", "--map", "hung_up_at=q_exit", "--map", "queue=type", "--map", "agent=server")
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("4 calls on 2 days, 1 stream, interval 30 min (1 PHANTOM row left out)"))
        #expect(fit.stdout.contains(#"stream "PS": 4 offered, 3 answered, 1 abandoned"#))
        #expect(try runner.run("validate", runner.path("bank.yaml")).status == 0)
    }
}

/// `routesim fit` on TaskRouter's events, as `run --every-event` stores them.
@Suite struct FitFromEventsTests {
    @Test func eventsGiveTheSameCallsAsTheTasks() throws {
        let runner = try CommandRunner()
        let run = try runner.run(
            "run", CommandRunner.scenario("quickstart.yaml"), "--out", runner.path("q.sqlite"), "--every-event")
        #expect(run.status == 0, "\(run.stderr)")
        // The events one a line, as `sqlite3` writes them with json_object (docs/fit.md), and the
        // same run's tasks as a per-call CSV.
        let (events, tasks) = try DatabaseQueue(path: runner.path("q.sqlite")).read { db in
            (try String.fetchAll(db, sql: """
                SELECT json_object('event_type', event_type, 'event_date_ms', time * 1000, 'event_data', json(event_data))
                FROM events ORDER BY event_index
                """),
             try String.fetchAll(db, sql: """
                SELECT created_at || ',' || queue || ',' || coalesce(assigned_at, '') || ',' || coalesce(wrapup_at, completed_at, canceled_at)
                    || ',' || coalesce(completed_at - wrapup_at, '') || ',' || coalesce(worker_name, '')
                FROM tasks ORDER BY created_at
                """))
        }
        let jsonLines = try runner.write("events.jsonl", events.joined(separator: "\n"))
        let csv = try runner.write("calls.csv", (["arrived_at,queue,answered_at,ended_at,wrapup_seconds,agent"] + tasks).joined(separator: "\n"))
        let fromEvents = try runner.run("fit", jsonLines, "--out", runner.path("e.yaml"))
        let fromTasks = try runner.run("fit", csv, "--out", runner.path("t.yaml"))
        #expect(fromEvents.status == 0, "\(fromEvents.stderr)")
        #expect(fromTasks.status == 0, "\(fromTasks.stderr)")
        func section(_ output: String, from start: String, to end: String) -> String? {
            output.components(separatedBy: start).dropFirst().first?.components(separatedBy: end).first
        }
        // Counts, volumes, handle time, wrap-up and patience agree; the events add reservations.
        let stream = "stream \"Support\""
        #expect(section(fromEvents.stdout, from: stream, to: "\n\n") == section(fromTasks.stdout, from: stream, to: "\n\n"))
        #expect(fromEvents.stdout.contains("reservations (from the events): "))
        #expect(try runner.run("validate", runner.path("e.yaml")).status == 0)
        // The quickstart's agents answer after a lognormal delay, miss 1 % and come back after an
        // exponential time: the families come back in the fitted scenario's answer.
        let fitted = try String(contentsOfFile: runner.path("e.yaml"), encoding: .utf8)
        #expect(fitted.contains("    answer:\n      reject: 0\n      no_answer: 0.0"))
        #expect(fitted.contains("      delay: {dist: lognormal, mean: 2.9"))
        #expect(fitted.contains("      back_after_timeout: {dist: exponential, mean: "))
        #expect(!(try String(contentsOfFile: runner.path("t.yaml"), encoding: .utf8)).contains("answer:"))
    }

    @Test func aBadEventIsToldWithItsLine() throws {
        let runner = try CommandRunner()
        let events = try runner.write("events.jsonl", """
            {"event_type": "task.created", "event_date": "2025-03-03T08:00:00Z", "event_data": {"task_sid": "WT1"}}
            {"event_type": "task.canceled", "event_data": {"task_sid": "WT1"}}
            not json
            """)
        let fit = try runner.run("fit", events)
        #expect(fit.status == 1)
        #expect(fit.stderr.contains(#"history "\#(events)" (line 3): expected a JSON event or page on the line"#))
        #expect(fit.stderr.contains(#"history "\#(events)" row 2 (line 2): task.canceled: expected event_date_ms"#))
    }
}
