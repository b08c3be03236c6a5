import Foundation
import GRDB
import Testing

/// The commands and files that are not theirs: read commands change nothing, write commands
/// refuse another program's files as they are, a killed run or an unfinished write leaves a
/// file that reads, `export` replaces nothing without `--force`, and a folder that takes no
/// file is named with the reason.
@Suite struct ResultsFileCommandTests {
    /// A folder where nobody may create a file: `/sys` as root (who may write anywhere
    /// else), else a scratch folder made read-only.
    func lockedFolder(_ runner: CommandRunner) -> String {
        if getuid() == 0 { return "/sys" }
        let folder = runner.path("locked")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o555)
        return folder
    }

    /// Another program's SQLite file in `runner`'s folder; returns its path.
    func otherDatabase(_ runner: CommandRunner) throws -> String {
        let path = runner.path("other.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE budget (item TEXT, amount REAL); INSERT INTO budget VALUES ('rent', 1200)")
        }
        return path
    }

    /// The files in `runner`'s folder, sorted.
    func files(_ runner: CommandRunner) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).sorted()
    }

    /// `stats`, `report` and `export` refuse another program's SQLite file and `run`, `batch`
    /// refuse it and a text file: each exits 1 with one line, and the files stay byte for
    /// byte as they were, with nothing made beside them.
    @Test func anotherProgramsFilesAreRefusedUntouched() throws {
        let runner = try CommandRunner()
        let other = try otherDatabase(runner)
        let text = try runner.write("notes.txt", "my notes\n")
        let before = try [other, text].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let quickstart = CommandRunner.scenario("quickstart.yaml")
        let commands: [[String]] = [
            ["stats", other], ["report", other], ["export", other, "--csv", runner.path("csv")],
            ["run", quickstart, "--out", other], ["run", quickstart, "--out", text],
            ["batch", quickstart, "--replications", "2", "--record", "summary", "--out", other],
        ]
        for arguments in commands {
            let output = try runner.run(arguments)
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr.hasSuffix(": not a routesim results file (another program's SQLite database, with tables budget)\n")
                    || output.stderr.hasSuffix(": not a routesim results file (not a SQLite database)\n"), "\(arguments): \(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1, "\(arguments): \(output.stderr)")
        }
        #expect(try [other, text].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(try files(runner) == ["notes.txt", "other.sqlite"])
    }

    /// A run that ends leaves its file alone (no `-wal` or `-shm` beside it); a run killed
    /// while it writes (SIGKILL) leaves the runs committed before it readable by `report` and
    /// `export`, and once read the file stands alone again.
    @Test func aKilledRunLeavesAFileTheReadCommandsRead() throws {
        let runner = try CommandRunner()
        let file = runner.path("k.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        #expect(try files(runner) == ["k.sqlite"], "a run that ended leaves its file alone")
        let run = try BackgroundCommand(
            ["run", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=366d", "--out", file], in: runner.folder)
        Thread.sleep(forTimeInterval: 2)
        #expect(run.process.isRunning, "the long run ended before it could be killed")
        _ = run.stop(with: SIGKILL)

        let report = try runner.run("report", file)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("1 group of runs"))
        let export = try runner.run("export", file, "--csv", runner.path("csv"))
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try files(runner) == ["csv", "k.sqlite"])
        let runs = try DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") }
        #expect(runs == 1)
    }

    /// A second `run` into a file another routesim is writing to says that it waits, and
    /// records its run once the first is gone (killed here, so its run is not in the file).
    @Test func aSecondWriterSaysThatItWaits() throws {
        let runner = try CommandRunner()
        let file = runner.path("w.sqlite")
        let first = try BackgroundCommand(
            ["run", CommandRunner.scenario("erlang-c.yaml"), "--set", "horizon=366d", "--out", file], in: runner.folder)
        // The first run is under way once its pages spill into the WAL.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline,
            ((try? FileManager.default.attributesOfItem(atPath: file + "-wal")[.size] as? Int) ?? 0) < 1 << 20 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let second = try BackgroundCommand(
            ["run", CommandRunner.scenario("quickstart.yaml"), "--out", file], in: runner.folder)
        Thread.sleep(forTimeInterval: 2.5)
        #expect(first.process.isRunning, "the long run ended before the second one waited for it")
        _ = first.stop(with: SIGKILL)
        let stderr = second.wait().stderr
        #expect(stderr == "routesim: waiting for \(file): another routesim is writing\n")
        #expect(second.process.terminationStatus == 0)
        let scenarios = try DatabaseQueue(path: file).read { try String.fetchAll($0, sql: "SELECT scenario FROM runs") }
        #expect(scenarios == ["quickstart"])
    }

    /// A rollback journal left by a write that did not finish (a file of an earlier
    /// routesim, killed mid-run) is rolled back by `report`, which says so on stderr; the run
    /// committed before is reported.
    @Test func aLeftoverJournalIsRolledBackAndSaid() throws {
        let runner = try CommandRunner()
        let file = runner.path("j.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let crashed = runner.path("crashed.sqlite")
        let queue = try DatabaseQueue(path: file)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA cache_size = 8")
            try db.inTransaction {
                // More pages than the cache holds: SQLite writes some into the file, their
                // old content into the journal; the copies are what a process killed now leaves.
                try db.execute(sql: "UPDATE tasks SET attributes = hex(randomblob(300))")
                try FileManager.default.copyItem(atPath: file, toPath: crashed)
                try FileManager.default.copyItem(atPath: file + "-journal", toPath: crashed + "-journal")
                return .rollback
            }
        }
        try queue.close()
        let report = try runner.run("report", crashed)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr == "routesim: \(crashed): rolled back a write that had not finished (\(crashed)-journal, left by a "
            + "routesim that was stopped or ran out of disk space); the runs committed before it are kept\n")
        #expect(report.stdout.contains("1 group of runs"))
        #expect(!FileManager.default.fileExists(atPath: crashed + "-journal"))
        let check = try DatabaseQueue(path: crashed).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    /// `export` replaces no file without `--force` (a text file named like a workbook, a
    /// CSV file of an earlier export), warns when the workbook's name ends in .csv, and
    /// fails like `report` on a file with no run.
    @Test func exportReplacesNothingWithoutForce() throws {
        let runner = try CommandRunner()
        let file = runner.path("e.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let budget = try runner.write("budget.xlsx", "my budget\n")
        let refused = try runner.run("export", file, "--xlsx", budget)
        #expect(refused.status == 1)
        #expect(refused.stderr == "routesim: error: cannot write \(budget): the file exists; routesim replaces a file only when given --force\n")
        #expect(try String(contentsOfFile: budget, encoding: .utf8) == "my budget\n")
        let forced = try runner.run("export", file, "--xlsx", budget, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: budget)).prefix(2) == Data("PK".utf8))

        try FileManager.default.createDirectory(atPath: runner.path("csv"), withIntermediateDirectories: true)
        let tasks = try runner.write("csv/tasks.csv", "kept\n")
        let csvRefused = try runner.run("export", file, "--csv", runner.path("csv"))
        #expect(csvRefused.status == 1)
        #expect(csvRefused.stderr.contains("tasks.csv: the file exists"), "\(csvRefused.stderr)")
        #expect(try String(contentsOfFile: tasks, encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.path("csv")) == ["tasks.csv"])
        #expect(try runner.run("export", file, "--csv", runner.path("csv"), "--force").status == 0)
        #expect(try String(contentsOfFile: tasks, encoding: .utf8) != "kept\n")

        let misnamed = try runner.run("export", file, "--xlsx", runner.path("sheet.csv"))
        #expect(misnamed.status == 0)
        #expect(misnamed.stderr.contains("routesim: warning: --xlsx \(runner.path("sheet.csv")) writes an Excel workbook, but the name ends in .csv"))

        try DatabaseQueue(path: file).write { try $0.execute(sql: "DELETE FROM runs") }
        let empty = try runner.run("export", file, "--xlsx", runner.path("none.xlsx"))
        #expect(empty.status == 1)
        #expect(empty.stderr == "routesim: error: \(file): the file holds no run\n")
        #expect(!FileManager.default.fileExists(atPath: runner.path("none.xlsx")))
    }

    /// A folder that takes no file is named with the reason: for the results file of `run`
    /// (not SQLite's "unable to open database file"), a folder it would make, and `export`'s
    /// workbook (not a Foundation error's description).
    @Test func aFolderThatTakesNoFileIsNamed() throws {
        let runner = try CommandRunner()
        let file = runner.path("f.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", file).status == 0)
        let locked = lockedFolder(runner)
        defer { chmod(runner.path("locked"), 0o755) }
        let results = locked + "/r.sqlite"
        let run = try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", results)
        #expect(run.status == 1)
        #expect(run.stderr == "routesim: error: cannot open \(results): cannot create a file in the folder \(locked): Permission denied\n")
        let nested = locked + "/new/r.sqlite"
        let missing = try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", nested)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("routesim: error: cannot open \(nested): cannot create the folder \(locked)/new ("),
                "\(missing.stderr)")
        let workbook = locked + "/r.xlsx"
        let export = try runner.run("export", file, "--xlsx", workbook)
        #expect(export.status == 1)
        #expect(export.stderr == "routesim: error: cannot write \(workbook): cannot create a file in the folder \(locked): Permission denied\n")
    }

    /// A batch whose first run cannot be written (a full disk, here a trigger that fails
    /// the insert) leaves no experiment without runs in the file: the experiment's row is
    /// written with its first run.
    @Test func aBatchThatFailsLeavesNoEmptyExperiment() throws {
        let runner = try CommandRunner()
        let file = runner.path("b.sqlite")
        #expect(try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--record", "summary", "--out", file).status == 0)
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "CREATE TRIGGER full BEFORE INSERT ON runs BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END")
        }
        let batch = try runner.run(
            "batch", CommandRunner.scenario("quickstart.yaml"), "--replications", "2", "--record", "summary", "--out", file)
        #expect(batch.status != 0)
        let experiments = try DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM experiments") }
        #expect(experiments == 0)
    }
}
