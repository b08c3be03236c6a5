import Foundation
import GRDB
import Testing

/// Ctrl-C and SIGKILL in the middle of a command that writes: the process ends as promised,
/// says what it kept, and the file holds whole runs only.
@Suite(.serialized) struct InterruptTests {
    /// Waits until one of `paths` exists (the command has got that far), at most 30 s.
    static func waitForAny(of paths: [String]) {
        let deadline = Date(timeIntervalSinceNow: 30)
        while !paths.contains(where: FileManager.default.fileExists(atPath:)), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    static func count(_ sql: String, in file: String) throws -> Int {
        try DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func killedRunLeavesNothingHalfWritten() throws {
        let runner = try CommandRunner()
        let file = runner.path("i.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let run = try BackgroundCommand(
            ["run", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=366d", "--out", file], in: runner.folder)
        Thread.sleep(forTimeInterval: 2)
        #expect(run.process.isRunning, "the long run ended before it could be interrupted")
        _ = run.stop(with: SIGKILL)
        #expect(run.process.terminationReason == .uncaughtSignal)
        #expect(try Self.count("SELECT count(*) FROM runs", in: file) == 1)
        #expect(try Self.count("SELECT count(*) FROM tasks WHERE run_id <> 1", in: file) == 0)
    }

    /// Ctrl-C at 20 moments of a batch, from its first instants (the results file just
    /// created) to many runs in (a run of four hours takes a fraction of a second), one and two
    /// simulation threads in turn: exit 130 every time, with the message, and the file holds
    /// exactly the runs it names.
    @Test func interruptedBatchExits130EveryTime() throws {
        let runner = try CommandRunner()
        let message = /interrupted: (\d+) of 2000 runs are complete in (.+); no run is half-written/
        var outcomes: [String] = []
        var complete: [Int] = []
        for attempt in 0..<20 {
            let delay = 0.05 + 1.45 * Double(attempt) / 19
            let jobs = attempt % 2 + 1
            let file = runner.path("bt-\(attempt).sqlite")
            let batch = try BackgroundCommand(
                ["batch", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=4h", "--replications", "2000",
                 "--jobs", "\(jobs)", "--out", file], in: runner.folder)
            Self.waitForAny(of: [file])
            Thread.sleep(forTimeInterval: delay)
            #expect(batch.process.isRunning, "attempt \(attempt): the batch ended before it could be interrupted")
            let output = batch.stop(with: SIGINT)
            let reason = batch.process.terminationReason == .exit ? "exit" : "signal"
            outcomes.append("\(reason) \(batch.process.terminationStatus)")
            #expect(batch.process.terminationReason == .exit && batch.process.terminationStatus == 130,
                    "attempt \(attempt) (\(delay) s, --jobs \(jobs)): \(reason) \(batch.process.terminationStatus), \(output.stderr)")
            guard let match = output.stderr.firstMatch(of: message) else {
                Issue.record("attempt \(attempt): no interruption message")
                continue
            }
            complete.append(Int(match.1) ?? -1)
            #expect(String(match.2) == file)
            #expect(try Self.count("SELECT count(*) FROM runs", in: file) == Int(match.1))
            #expect(!FileManager.default.fileExists(atPath: file + "-journal"))
        }
        print("interrupted batches: \(outcomes.count) tries, outcomes \(Dictionary(grouping: outcomes) { $0 }.mapValues(\.count)), runs complete \(complete)")
    }

    /// Ctrl-C during `run`: exit 130, a message that says the run is not stored, and the file
    /// as it was, with no journal left beside it.
    @Test func interruptedRunSaysNothingWasStored() throws {
        let runner = try CommandRunner()
        let file = runner.path("r.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let run = try BackgroundCommand(
            ["run", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=366d", "--out", file], in: runner.folder)
        Self.waitForAny(of: [file + "-journal", file + "-wal"])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(run.process.isRunning, "the long run ended before it could be interrupted")
        let started = Date()
        let output = run.stop(with: SIGINT)
        #expect(Date().timeIntervalSince(started) < 10, "the run took long to stop")
        #expect(run.process.terminationReason == .exit && run.process.terminationStatus == 130)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == """
            routesim: error: interrupted: the run was stopped before its end and nothing of it is stored in \(file); \
            the runs it held before are unchanged

            """)
        #expect(try Self.count("SELECT count(*) FROM runs", in: file) == 1)
        #expect(try Self.count("SELECT count(*) FROM tasks WHERE run_id <> 1", in: file) == 0)
        #expect(!FileManager.default.fileExists(atPath: file + "-journal"))
    }
}
