import Foundation
import GRDB
import Testing

/// `--part I/N` and `routesim merge`: the parts of an experiment, joined, are the file the
/// whole experiment writes with `--jobs 1`; every refusal of `merge` writes nothing.
@Suite struct PartMergeTests {
    /// The columns that record the wall clock or the command line (docs/scale-out.md), by table.
    static let unequalColumns: [String: Set<String>] = [
        "runs": ["started_at", "wall_seconds"],
        "experiments": ["arguments", "started_at"],
    ]

    /// Every table of `file` (by name, from `sqlite_master`) with every row in rowid order,
    /// each row as text without ``unequalColumns``.
    static func tables(_ file: String) throws -> [String: [String]] {
        try DatabaseQueue(path: file).read { db in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var tables: [String: [String]] = [:]
            for name in names {
                let skipped = unequalColumns[name] ?? []
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier) ORDER BY rowid").map { row in
                    row.columnNames.filter { !skipped.contains($0) }.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: ",")
                }
            }
            return tables
        }
    }

    /// A sweep of the quickstart day up to `horizon`, 2 points × `replications`, with `extra` arguments.
    static func sweep(
        _ runner: CommandRunner, replications: Int = 3, horizon: String = "2h", _ extra: String...
    ) throws -> CommandRunner.Output {
        try runner.run([
            "sweep", CommandRunner.scenario("quickstart.yaml"), "--vary", "workers.early-lunch.count=4,5",
            "--replications", "\(replications)", "--set", "horizon=\(horizon)",
        ] + extra)
    }

    /// Runs part `part` of `parts` of ``sweep(_:replications:horizon:_:)`` into `NAME.sqlite` and returns its path.
    static func part(
        _ runner: CommandRunner, _ part: Int, of parts: Int, replications: Int = 3, horizon: String = "2h", name: String? = nil
    ) throws -> String {
        let file = runner.path((name ?? "part\(part)") + ".sqlite")
        let output = try sweep(
            runner, replications: replications, horizon: horizon, "--part", "\(part)/\(parts)", "--out", file, "--record", "summary")
        #expect(output.status == 0, "\(output.stderr)")
        return file
    }

    /// Runs `routesim merge` and checks, when it refuses, that nothing was written.
    static func merge(_ runner: CommandRunner, _ parts: [String], out: String, _ extra: String...) throws -> CommandRunner.Output {
        let existed = FileManager.default.fileExists(atPath: out)
        let output = try runner.run(["merge"] + parts + ["--out", out] + extra)
        if output.status != 0 {
            #expect(FileManager.default.fileExists(atPath: out) == existed, "a refused merge leaves --out as it was")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).filter { $0.contains(".merging-") }
            #expect(hidden.isEmpty, "\(hidden)")
        }
        return output
    }

    @Test(arguments: ["sweep", "compare"])
    func mergedPartsAreTheWholeExperimentTableByTable(command: String) throws {
        let runner = try CommandRunner()
        let arguments = command == "sweep"
            ? ["sweep", CommandRunner.scenario("quickstart.yaml"), "--vary", "workers.early-lunch.count=4,5"]
            : ["compare", CommandRunner.scenario("single-vs-multi.yaml"), "--variant", "single", "--variant", "multi"]
        let common = arguments + ["--replications", "3", "--set", "horizon=3h", "--record", "tasks"]
        let whole = runner.path("whole.sqlite")
        let single = try runner.run(common + ["--jobs", "1", "--out", whole])
        #expect(single.status == 0, "\(single.stderr)")
        var parts: [String] = []
        for part in 1...4 {
            let file = runner.path("part\(part).sqlite")
            let output = try runner.run(common + ["--part", "\(part)/4", "--jobs", part == 2 ? "2" : "1", "--out", file])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("part \(part)/4"), "\(output.stdout)")
            parts.append(file)
        }
        let merged = runner.path("merged.sqlite")
        let output = try Self.merge(runner, [parts[2], parts[0], parts[3], parts[1]], out: merged)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("4 parts, 6 of 6 runs"), "\(output.stdout)")
        let expected = try Self.tables(whole)
        let found = try Self.tables(merged)
        #expect(found.keys.sorted() == expected.keys.sorted())
        #expect((expected["tasks"]?.count ?? 0) > 100)
        #expect(expected["experiment_parts"] == [])
        for (table, rows) in expected {
            #expect(found[table]?.count == rows.count, "\(table)")
            #expect(found[table] == rows, "\(table) differs")
        }
        let partRuns = try parts.map { try DatabaseQueue(path: $0).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") } }
        #expect(partRuns == [1, 2, 1, 2], "6 runs in 4 consecutive parts")
    }

    @Test func refusesAnOutputThatExists() throws {
        let runner = try CommandRunner()
        let parts = try [1, 2].map { try Self.part(runner, $0, of: 2) }
        let out = try runner.write("merged.sqlite", "")
        let output = try Self.merge(runner, parts, out: out)
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(out) exists"), "\(output.stderr)")
    }

    @Test func refusesNoPart() throws {
        let runner = try CommandRunner()
        let output = try Self.merge(runner, [], out: runner.path("merged.sqlite"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("Missing expected argument '<parts> ...'"), "\(output.stderr)")
    }

    @Test func refusesPartsOfDifferentExperiments() throws {
        let runner = try CommandRunner()
        let first = try Self.part(runner, 1, of: 2)
        let other = try Self.part(runner, 2, of: 2, replications: 4, name: "other")
        let output = try Self.merge(runner, [first, other], out: runner.path("merged.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(other) is a part of another experiment than \(first)"), "\(output.stderr)")
    }

    /// Parts with as many runs, ids and parts, of plans that differ only in what they simulate:
    /// the plan's fingerprint alone tells them apart.
    @Test func refusesPartsOfExperimentsDifferingOnlyInContent() throws {
        let runner = try CommandRunner()
        let first = try Self.part(runner, 1, of: 2)
        let other = try Self.part(runner, 2, of: 2, horizon: "3h", name: "other")
        let output = try Self.merge(runner, [first, other], out: runner.path("merged.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(other) is a part of another experiment than \(first)"), "\(output.stderr)")
    }

    @Test func refusesAPartWhoseRunsChanged() throws {
        let runner = try CommandRunner()
        let parts = try [1, 2].map { try Self.part(runner, $0, of: 2) }
        try DatabaseQueue(path: parts[1]).write { try $0.execute(sql: "DELETE FROM runs WHERE run_id = 6") }
        let output = try Self.merge(runner, parts, out: runner.path("merged.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(parts[1]) is part 2/2 with runs 4–6, but it holds 2 runs with ids 4–5"),
                "\(output.stderr)")
    }

    @Test func refusesAPartGivenTwice() throws {
        let runner = try CommandRunner()
        let parts = try [1, 2].map { try Self.part(runner, $0, of: 2) }
        let copy = runner.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: parts[1], toPath: copy)
        let output = try Self.merge(runner, parts + [copy], out: runner.path("merged.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(parts[1]) and \(copy) are both part 2/2"), "\(output.stderr)")
    }

    @Test func refusesMissingPartsUnlessPartial() throws {
        let runner = try CommandRunner()
        let parts = try [1, 3].map { try Self.part(runner, $0, of: 4) }
        let merged = runner.path("merged.sqlite")
        let refused = try Self.merge(runner, parts, out: merged)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("missing part 2/4 (runs 2–3) and part 4/4 (runs 5–6)"), "\(refused.stderr)")
        let partial = try Self.merge(runner, parts, out: merged, "--partial")
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("missing part 2/4 (runs 2–3) and part 4/4 (runs 5–6)"), "\(partial.stderr)")
        let ids = try DatabaseQueue(path: merged).read { try Int.fetchAll($0, sql: "SELECT run_id FROM runs ORDER BY run_id") }
        #expect(ids == [1, 4])
    }

    @Test func refusesAFileThatIsNoFinishedPart() throws {
        let runner = try CommandRunner()
        let part = try Self.part(runner, 1, of: 2)
        let whole = runner.path("whole.sqlite")
        #expect(try Self.sweep(runner, "--out", whole, "--record", "summary").status == 0)
        let output = try Self.merge(runner, [part, whole], out: runner.path("merged.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(whole) holds no finished part"), "\(output.stderr)")
    }

    @Test func refusesAnotherSchemaOrRoutesimVersion() throws {
        let runner = try CommandRunner()
        let parts = try [1, 2].map { try Self.part(runner, $0, of: 2) }
        try DatabaseQueue(path: parts[1]).write { try $0.execute(sql: "UPDATE runs SET routesim_version = '0.0.9'") }
        let version = try Self.merge(runner, parts, out: runner.path("merged.sqlite"))
        #expect(version.status == 1)
        #expect(version.stderr.contains("\(parts[1]) was written by routesim 0.0.9; this is routesim"), "\(version.stderr)")
        try DatabaseQueue(path: parts[0]).write {
            try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-experiment-parts'")
        }
        let schema = try Self.merge(runner, parts, out: runner.path("merged.sqlite"))
        #expect(schema.status == 1)
        #expect(schema.stderr.contains("\(parts[0]) has results schema v4-configuration-hash; this routesim writes v5-experiment-parts"),
                "\(schema.stderr)")
    }

    @Test func partRefusesStaffTooManyPartsAndAFileWithRuns() throws {
        let runner = try CommandRunner()
        let staff = try runner.run(
            "staff", CommandRunner.scenario("erlang-c.yaml"), "--target", "sl>=0.8", "--part", "1/2", "--out", runner.path("s.sqlite"))
        #expect(staff.status == 1)
        #expect(staff.stderr.contains("staff cannot be split into parts, its search is sequential"), "\(staff.stderr)")
        let many = try Self.sweep(runner, replications: 1, "--part", "1/3", "--out", runner.path("m.sqlite"))
        #expect(many.status == 1)
        #expect(many.stderr.contains("--part 1/3: the plan has 2 runs, too few for 3 parts"), "\(many.stderr)")
        let used = runner.path("used.sqlite")
        #expect(try Self.sweep(runner, replications: 1, "--out", used, "--record", "summary").status == 0)
        let again = try Self.sweep(runner, "--part", "1/2", "--out", used)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(used) already holds 2 runs; give --out a new file"), "\(again.stderr)")
        let syntax = try Self.sweep(runner, "--part", "3/2")
        #expect(syntax.status != 0)
        #expect(syntax.stderr.contains("expected I/N"), "\(syntax.stderr)")
    }
}
