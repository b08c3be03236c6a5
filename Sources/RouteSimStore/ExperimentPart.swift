import GRDB

/// Which part of an experiment a results file holds (`--part I/N`): the `experiment_parts` row,
/// written once every run of the part is recorded.
///
/// Parts are the plan cut into N consecutive slices in plan order; part I holds the runs with
/// the run ids the whole experiment would give them, so the parts' runs join into one file
/// with nothing renumbered (``PartMerge``).
public struct ExperimentPart: Sendable, Equatable {
    /// The `experiments.experiment_id`, the same in every part.
    public var experimentID: Int64
    /// The part's number, 1 to ``parts``.
    public var part: Int
    /// How many parts the plan is cut into.
    public var parts: Int
    /// How many runs the whole plan has.
    public var planRuns: Int
    /// The run id of the part's first run.
    public var firstRunID: Int64
    /// How many runs the part has.
    public var runCount: Int
    /// A fingerprint of the whole plan (the command, what it records, every run's description),
    /// the same in every part of one experiment and different for another.
    public var plan: String

    /// Creates the description of a part; every field is stored as given.
    public init(experimentID: Int64, part: Int, parts: Int, planRuns: Int, firstRunID: Int64, runCount: Int, plan: String) {
        self.experimentID = experimentID
        self.part = part
        self.parts = parts
        self.planRuns = planRuns
        self.firstRunID = firstRunID
        self.runCount = runCount
        self.plan = plan
    }

    /// The plan indexes of part `part` of `parts` of a plan of `runs` runs: consecutive, in plan
    /// order, the parts' sizes differing by at most one.
    public static func slice(_ part: Int, of parts: Int, runs: Int) -> Range<Int> {
        (part - 1) * runs / parts..<part * runs / parts
    }

    /// The part as `I/N`.
    public var name: String { "\(part)/\(parts)" }

    /// The run ids of the part, as text: `6–10`, or `6` for one run.
    public var runIDs: String {
        runCount == 1 ? "\(firstRunID)" : "\(firstRunID)–\(firstRunID + Int64(runCount) - 1)"
    }

    /// Inserts the row.
    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO experiment_parts (experiment_id, part, parts, plan_runs, first_run_id, run_count, plan)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [experimentID, part, parts, planRuns, firstRunID, runCount, plan])
    }

    /// Every row of `experiment_parts` in `db`.
    static func fetchAll(_ db: Database) throws -> [ExperimentPart] {
        try Row.fetchAll(
            db, sql: "SELECT experiment_id, part, parts, plan_runs, first_run_id, run_count, plan FROM experiment_parts"
        ).map { row in
            ExperimentPart(
                experimentID: row[0], part: row[1], parts: row[2], planRuns: row[3], firstRunID: row[4], runCount: row[5],
                plan: row[6])
        }
    }
}
