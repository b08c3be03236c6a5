import Foundation
import GRDB

/// Joins the part files of one experiment (`--part I/N`) into one results file, the file the
/// experiment run whole with `--jobs 1` would have written.
///
/// Every part keeps the run ids the whole experiment gives its runs, so rows are copied as
/// they are, run by run in run id order; the `experiments` row comes from the first part given,
/// and the `experiment_parts` records are left behind (the merged file is no part). Before
/// anything is written every part is checked: same schema and routesim version as this
/// routesim, a finished part of the same experiment as the others, no part twice, and (unless
/// `partial`) none missing. The rows go to a hidden file beside the output, renamed into place
/// once complete; on failure it is removed.
public enum PartMerge {
    /// What a merge joined.
    public struct Outcome: Sendable {
        /// The parts merged, in part order.
        public var parts: [ExperimentPart]
        /// The parts of the experiment that were not given (only with `partial`).
        public var missing: [ExperimentPart]
        /// How many runs the merged file holds.
        public var runs: Int { parts.reduce(0) { $0 + $1.runCount } }
    }

    /// Merges the parts at `paths` into the new file `output`; `version` is this routesim's.
    /// Throws a ``MergeError`` or a ``StoreError`` (a part that cannot be opened or read, an
    /// output that cannot be written), having written nothing.
    public static func merge(_ paths: [String], into output: String, partial: Bool, version: String) throws -> Outcome {
        guard !FileManager.default.fileExists(atPath: output) else { throw MergeError.outputExists(output) }
        let found = try paths.map { path in (path: path, part: try readPart(path, version: version)) }
        guard let first = found.first else { throw MergeError.noParts }
        for other in found.dropFirst() where !sameExperiment(first.part, other.part) {
            throw MergeError.otherExperiment(other.path, first: first.path)
        }
        var given: [Int: String] = [:]
        for (path, part) in found {
            if let earlier = given[part.part] { throw MergeError.duplicated(part, earlier, path) }
            given[part.part] = path
        }
        let missing = (1...first.part.parts).filter { given[$0] == nil }.map { number in
            let slice = ExperimentPart.slice(number, of: first.part.parts, runs: first.part.planRuns)
            var part = first.part
            part.part = number
            part.firstRunID = planFirstRunID(first.part) + Int64(slice.lowerBound)
            part.runCount = slice.count
            return part
        }
        if !missing.isEmpty && !partial { throw MergeError.missing(missing) }
        let ordered = found.sorted { $0.part.part < $1.part.part }
        try write(ordered.map(\.path), into: output)
        return Outcome(parts: ordered.map(\.part), missing: missing)
    }

    /// `parts` as a phrase: `part 2/4 (runs 6–10) and part 4/4 (runs 16–20)`.
    public static func describe(_ parts: [ExperimentPart]) -> String {
        let each = parts.map { "part \($0.name) (run\($0.runCount == 1 ? "" : "s") \($0.runIDs))" }
        return each.count < 2 ? each.joined() : each.dropLast().joined(separator: ", ") + " and " + each[each.count - 1]
    }

    /// The run id of the whole plan's first run.
    private static func planFirstRunID(_ part: ExperimentPart) -> Int64 {
        part.firstRunID - Int64(ExperimentPart.slice(part.part, of: part.parts, runs: part.planRuns).lowerBound)
    }

    /// Whether `a` and `b` are parts of one experiment.
    private static func sameExperiment(_ a: ExperimentPart, _ b: ExperimentPart) -> Bool {
        a.plan == b.plan && a.parts == b.parts && a.planRuns == b.planRuns && a.experimentID == b.experimentID
            && planFirstRunID(a) == planFirstRunID(b)
    }

    /// The part record of the file at `path`, checked against this routesim and the file's runs.
    private static func readPart(_ path: String, version: String) throws -> ExperimentPart {
        let store = try ResultStore(existing: path)
        let expected = ResultSchema.migrator.migrations
        return try store.reading { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            guard Set(applied) == Set(expected) else {
                let found = expected.last { applied.contains($0) } ?? "unknown"
                throw MergeError.otherSchema(path, found: found, expected: expected.last ?? "")
            }
            let versions = try String.fetchAll(db, sql: "SELECT DISTINCT routesim_version FROM runs ORDER BY 1")
            if versions.contains(where: { $0 != version }) {
                throw MergeError.otherVersion(path, found: versions, expected: version)
            }
            let records = try ExperimentPart.fetchAll(db)
            guard records.count == 1, let part = records.first else { throw MergeError.notAPart(path) }
            let runs = try Row.fetchOne(
                db, sql: "SELECT COUNT(*), MIN(run_id), MAX(run_id), COUNT(DISTINCT experiment_id) FROM runs")
            let count: Int = runs?[0] ?? 0
            let low: Int64? = runs?[1]
            let high: Int64? = runs?[2]
            let experiments: Int = runs?[3] ?? 0
            let expectedHigh = part.firstRunID + Int64(part.runCount) - 1
            if count != part.runCount || low != part.firstRunID || high != expectedHigh || experiments != 1 {
                let found = count == 0 ? "no run" : "\(count.formatted()) run\(count == 1 ? "" : "s") with ids \(low ?? 0)–\(high ?? 0)"
                throw MergeError.changedPart(path, part: part, found: found)
            }
            return part
        }
    }

    /// Writes the runs of the files at `paths`, in that order, into the new file `output`.
    private static func write(_ paths: [String], into output: String) throws {
        try ResultsFile.writeAside(output, tag: "merging") { hidden in try copyRuns(of: paths, into: hidden) }
    }

    /// Copies the rows of `table` from the attached `part` into `main`, run by run in run id
    /// order, each run's in rowid order.
    ///
    /// A run is written in one transaction by the file's one writer, so its rows have consecutive
    /// rowids: each run is copied as a range of rowids, which SQLite reads in order, where
    /// `ORDER BY run_id, rowid` would sort every row of the table. The `run_id` test keeps the
    /// copy right even if a range held another run's rows; its `+` keeps SQLite from choosing
    /// the `run_id` index, and sorting, over the rowid range.
    private static func copyRows(of table: String, _ db: Database) throws {
        let quoted = table.quotedDatabaseIdentifier
        let runs = try Row.fetchAll(
            db, sql: "SELECT run_id, MIN(rowid), MAX(rowid) FROM part.\(quoted) GROUP BY run_id ORDER BY run_id")
        let insert = try db.makeStatement(sql: """
            INSERT INTO main.\(quoted) SELECT * FROM part.\(quoted) WHERE rowid BETWEEN ? AND ? AND +run_id = ? ORDER BY rowid
            """)
        for run in runs {
            try insert.execute(arguments: [run[1], run[2], run[0]])
        }
    }

    /// Creates the results file `path` and copies into it, part by part in one transaction
    /// each, the experiment row of the first part and every run's rows in run id order (within
    /// a run, in the order the part stored them); returns once the file is closed.
    private static func copyRuns(of paths: [String], into path: String) throws {
        let store = try ResultStore(path: path)
        try store.writing { db in
            // The parts were written with foreign keys checked; checking each copied row again
            // would only slow the copy. The file is hidden until renamed and removed on failure,
            // so it needs no journal and no sync while it fills: the WAL would hold every page
            // twice. It is in WAL mode again, as every results file is, before it is closed.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT IN ('grdb_migrations', 'experiments', 'experiment_parts', 'runs') ORDER BY name
                """)
            for (index, part) in paths.enumerated() {
                try db.execute(sql: "ATTACH DATABASE ? AS part", arguments: [part])
                try db.inTransaction {
                    if index == 0 { try db.execute(sql: "INSERT INTO main.experiments SELECT * FROM part.experiments") }
                    try db.execute(sql: "INSERT INTO main.runs SELECT * FROM part.runs ORDER BY run_id")
                    for table in tables { try copyRows(of: table, db) }
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE part")
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
    }
}
