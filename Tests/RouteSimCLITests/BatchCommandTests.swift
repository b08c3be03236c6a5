import Foundation
import GRDB
import Testing

/// `routesim batch`: replications in parallel into one file, the same rows whatever the
/// number of jobs, and Ctrl-C keeping every finished replication.
@Suite struct BatchCommandTests {
    /// Every row of the tables a run writes, in key order, without the wall-clock columns.
    func rows(_ file: String) throws -> [String] {
        try DatabaseQueue(path: file).read { db in
            let queries = [
                "SELECT * FROM runs ORDER BY run_id",
                "SELECT * FROM tasks ORDER BY run_id, task_index",
                "SELECT * FROM reservations ORDER BY run_id, reservation_index",
                "SELECT * FROM worker_activity ORDER BY run_id, rowid",
                "SELECT * FROM intervals ORDER BY run_id, rowid",
                "SELECT * FROM statistics ORDER BY run_id, rowid",
            ]
            return try queries.flatMap { sql in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.columnNames.filter { !["started_at", "wall_seconds"].contains($0) }
                        .map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: ",")
                }
            }
        }
    }

    @Test func sameRowsWhateverTheNumberOfJobs() throws {
        let runner = try CommandRunner()
        var files: [String] = []
        for jobs in [1, 2, 3] {
            let file = runner.path("jobs\(jobs).sqlite")
            let output = try runner.run(
                "batch", CommandRunner.scenario("quickstart.yaml"), "--replications", "4", "--jobs", "\(jobs)",
                "--record", "tasks", "--out", file)
            #expect(output.status == 0, "\(output.stderr)")
            files.append(file)
        }
        let one = try rows(files[0])
        #expect(one.count > 1000)
        #expect(try rows(files[1]) == one)
        #expect(try rows(files[2]) == one)
        let replications = try DatabaseQueue(path: files[0]).read { db in
            try Int.fetchAll(db, sql: "SELECT replication FROM runs ORDER BY run_id")
        }
        #expect(replications == [0, 1, 2, 3])
    }

    @Test func summaryGivesMeansAndIntervalsAsTextAndJSON() throws {
        let runner = try CommandRunner()
        let file = runner.path("b.sqlite")
        let text = try runner.run(
            "batch", CommandRunner.scenario("quickstart.yaml"), "--replications", "3", "--out", file)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("scenario quickstart, batch experiment 1, 3 replications"))
        #expect(text.stdout.contains("95 % CI"))
        #expect(text.stdout.contains("service level"))
        #expect(text.stderr.isEmpty, "no progress bar when stderr is not a terminal: \(text.stderr)")
        let json = try runner.run(
            "batch", CommandRunner.scenario("quickstart.yaml"), "--replications", "3", "--out", file, "--json")
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let group = (document["groups"] as! [[String: Any]])[0]
        #expect(group["replications"] as? Int == 3)
        let sl = (group["kpis"] as! [String: Any])["sl"] as! [String: Any]
        #expect((sl["low"] as! Double) < (sl["mean"] as! Double))
        #expect((sl["mean"] as! Double) < (sl["high"] as! Double))
        #expect(group["experiment_id"] as? Int == 2)
        #expect((group["run_ids"] as? [Int]) == [4, 5, 6])
    }

    @Test func interruptKeepsFinishedReplicationsAndNoHalfRun() throws {
        let runner = try CommandRunner()
        let file = runner.path("i.sqlite")
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = [
            "batch", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=2d", "--replications", "200",
            "--jobs", "1", "--record", "tasks", "--out", file,
        ]
        process.currentDirectoryURL = runner.folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var committed = 0
        while committed < 1 && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.5)
            committed = (try? DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") ?? 0 }) ?? 0
        }
        #expect(committed >= 1, "no replication finished in time")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(message.contains("interrupted:"), "\(message)")
        let (runs, complete, taskRuns) = try DatabaseQueue(path: file).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM runs")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE end_time IS NOT NULL AND tasks_created = (SELECT count(*) FROM tasks WHERE tasks.run_id = runs.run_id)")!,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT run_id) FROM tasks")!)
        }
        #expect(runs >= committed && runs < 200)
        #expect(complete == runs)
        #expect(taskRuns == runs)
    }

    @Test func badArgumentsAreRefusedWithReasons() throws {
        let runner = try CommandRunner()
        let zero = try runner.run("batch", CommandRunner.scenario("quickstart.yaml"), "--replications", "0")
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("--replications must be at least 1"))
        let missing = try runner.run("batch", "nowhere.yaml", CommandRunner.scenario("quickstart.yaml"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nowhere.yaml"))
    }
}
