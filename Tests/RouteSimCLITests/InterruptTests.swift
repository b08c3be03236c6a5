import Foundation
import GRDB
import Testing

/// A run stopped half-way leaves no trace of itself and keeps earlier runs: the run is one
/// transaction, so even a process killed outright (SIGKILL, stronger than Ctrl-C, which a
/// test runner's children may ignore) leaves a journal that SQLite rolls back on next open.
@Suite struct InterruptTests {
    @Test func killedRunLeavesNothingHalfWritten() throws {
        let runner = try CommandRunner()
        let file = runner.path("i.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["run", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=366d", "--out", file]
        process.currentDirectoryURL = runner.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning, "the long run ended before it could be interrupted")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let (runs, tasks) = try DatabaseQueue(path: file).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM runs")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks WHERE run_id <> 1")!)
        }
        #expect(runs == 1)
        #expect(tasks == 0)
    }
}
