import Foundation
import GRDB
import RouteSim
import Synchronization

/// A results database file: many runs, each recorded in one transaction.
///
/// One instance owns one GRDB `DatabaseQueue`, the file's single writer; share the
/// instance rather than opening the file twice. ``record(run:spec:level:since:simulate:)``
/// holds the write transaction while the simulation runs, so two runs recorded into the
/// same store take turns. To run replications in parallel into one file, let each
/// simulate into memory and replay its rows inside `simulate`.
///
/// Files are in SQLite's WAL mode: a run's pages go to `FILE-wal` and are copied into the
/// file once it commits, so other connections (`report`, a notebook) read the runs
/// committed before while a run is written. When the last connection closes, SQLite copies
/// what is left and removes `FILE-wal` and `FILE-shm`, so a closed file stands alone; after
/// a crash they stay, holding committed runs, until the file is next opened. Another
/// writer (another routesim) is waited for up to ``busyTimeout``, and `waiting` is called
/// once a wait passes a second.
public final class ResultStore: Sendable {
    /// The path the store was opened with, as given.
    public let path: String
    /// The connection.
    private let database: DatabaseQueue
    /// Whether opening the file rolled back a write that had not finished (a rollback
    /// journal left by a routesim that was killed, or ran out of disk, before this one).
    public let rolledBackJournal: Bool
    /// Experiments begun whose row awaits their first run (``beginExperiment(_:arguments:)``).
    private let pendingExperiments = Mutex<[PendingExperiment]>([])

    /// How long a write waits for another connection's lock on the file (s).
    public static let busyTimeout: Double = 30

    /// The page size of new results files (bytes; SQLite's default is 4,096). SQLite writes a
    /// page at a time, and the kernel's cost of a write is mostly per call, so larger pages
    /// cost less system time; with rows in key order they also cost the writer fewer
    /// instructions (docs/performance.md, "The row writer of case (b), third round").
    static let pageSize = 16_384

    /// Opens the results database at `path` for writing, creating its parent folder, the
    /// file and the schema if missing, and upgrading an older schema.
    ///
    /// Throws a ``StoreError`` (`.open`) naming `path` when the folder cannot be created, the file
    /// cannot be created or written (with the reason), or the file is not a routesim results
    /// file (another kind of file, or another program's SQLite database: an empty file is
    /// taken), or it was written by a newer routesim. A file refused is left as it was.
    public init(path: String, waiting: @escaping @Sendable () -> Void = {}) throws(StoreError) {
        self.path = path
        if let failure = ResultsFile.createFolder((path as NSString).deletingLastPathComponent) {
            throw StoreError(.open, path: path, reason: failure)
        }
        try ResultsFile.checkWritable(path)
        let journal = ResultsFile.hasJournal(path)
        database = try Self.connect(path, waiting: waiting)
        do {
            try database.writeWithoutTransaction { db in
                try ResultsFile.checkRoutesim(db, path: path)
                if try ResultSchema.migrator.hasBeenSuperseded(db) {
                    throw StoreError(.migrate, path: path, reason: "it was written by a newer routesim")
                }
                // Takes effect only when the file is created (SQLite keeps a file's page size,
                // and a file in WAL mode cannot change it), so it comes before WAL mode.
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try ResultSchema.migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.migrate, path: path, reason: Self.reason(error))
        }
        rolledBackJournal = journal && !ResultsFile.hasJournal(path)
    }

    /// Opens the existing results file at `path` for reading, for the commands that report
    /// on one: nothing in the file changes, and a file of an older schema is read as it is
    /// (``OlderSchema``), not upgraded.
    ///
    /// A write that had not finished (a rollback journal left beside the file) is rolled back
    /// to the last commit, as SQLite does, and ``rolledBackJournal`` says so. Throws a
    /// ``StoreError`` (`.open`) when the file is missing, unreadable, not a routesim results
    /// file, or written by a newer routesim.
    public init(existing path: String, waiting: @escaping @Sendable () -> Void = {}) throws(StoreError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.open, path: path, reason: "no such file")
        }
        try ResultsFile.checkSQLite(path, mode: O_RDONLY)
        let journal = ResultsFile.hasJournal(path)
        // Not SQLite's read-only mode: a read-only connection can neither roll a journal back
        // nor remove the `-wal` and `-shm` files it makes beside a file in WAL mode. GRDB
        // reads with `PRAGMA query_only`, so nothing is written through it.
        database = try Self.connect(path, waiting: waiting)
        do {
            try database.writeWithoutTransaction { db in
                try ResultsFile.checkRoutesim(db, path: path)
                guard try db.tableExists("runs") else {
                    let empty = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0
                    throw StoreError(.open, path: path, reason: "not a routesim results file (an empty \(empty ? "file" : "SQLite database"))")
                }
                if try ResultSchema.migrator.hasBeenSuperseded(db) {
                    throw StoreError(.open, path: path, reason: "it was written by a newer routesim")
                }
                try OlderSchema.adapt(db)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.open, path: path, reason: Self.reason(error))
        }
        rolledBackJournal = journal && !ResultsFile.hasJournal(path)
    }

    /// Opens a connection to `path` that waits for other connections' locks.
    private static func connect(_ path: String, waiting: @escaping @Sendable () -> Void) throws(StoreError) -> DatabaseQueue {
        do {
            var configuration = Configuration()
            let wait = BusyWait(limit: .seconds(busyTimeout), notice: waiting)
            configuration.busyMode = .callback { wait.retry($0) }
            configuration.prepareDatabase { db in
                // Debian's SQLite is built to overwrite freed space with zeros (SECURE_DELETE);
                // SQLite's own default is not to, and a results file holds nothing secret. Every
                // page split of an index zeroed the space its cells left.
                try db.execute(sql: "PRAGMA secure_delete = OFF")
                // The page cache stays SQLite's default: rows arrive in key order
                // (`KeyOrderedRows`), so an insert touches only the right edge of each B-tree,
                // and a larger cache took as many instructions per row for more memory
                // (docs/performance.md, "The row writer of case (b), third round").
            }
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.open, path: path, reason: Self.reason(error))
        }
    }

    /// Records one run: runs `simulate` inside one transaction and returns the new run id.
    ///
    /// Inserts the run's experiment's row if this is its first run, the `runs` row (with
    /// `started_at`), hands `simulate` a sink that inserts
    /// task, reservation, worker-activity and event rows (as far as `level` keeps them; no
    /// sink at the summary level, so the engine builds no rows) on a second thread, in
    /// batches, and waits for the last of them; then inserts the intervals, the per-queue summaries and the
    /// TaskRouter statistics documents, completes the `runs` row with the summary KPIs,
    /// `wall_seconds` (the duration of `simulate`, row inserts included), `event_count`,
    /// `tasks_created` and `end_time`, and commits. Names and SIDs are resolved from `spec` (workers and
    /// task attribute sets as ``RunNumbering`` numbers them, task and reservation SIDs from `spec.seed`). A run
    /// simulated earlier into memory passes the instant its simulation started as `since`,
    /// so that `wall_seconds` counts the simulation too. If
    /// anything throws, the transaction is rolled back and nothing of the run remains; an
    /// error thrown by `simulate` is rethrown as it is, a database error becomes a
    /// ``StoreError``. The sink is valid only during `simulate`, and `simulate` must not use
    /// this store: its connection is lent to the row writer meanwhile (``RowPipeline``).
    public func record(
        run: RunInfo, spec: SimulationSpec, level: RecordLevel, since: ContinuousClock.Instant? = nil,
        simulate: ((any RecordSink)?) throws -> SimulationResult
    ) throws -> Int64 {
        try record(
            run: run, spec: spec, labels: RunLabels(spec: spec), sidSeed: spec.seed, level: level, since: since,
            simulate: simulate)
    }

    /// Records one run as ``record(run:spec:level:since:simulate:)`` does, its rows named by
    /// `labels` and their task, reservation and event SIDs derived from `sidSeed`.
    func record(
        run: RunInfo, spec: SimulationSpec, labels: RunLabels, sidSeed: UInt64, level: RecordLevel,
        since: ContinuousClock.Instant? = nil, simulate: ((any RecordSink)?) throws -> SimulationResult
    ) throws -> Int64 {
        let experiment = pendingExperiments.withLock { $0.first { $0.id == run.experimentID } }
        let runId = try writingRuns { db in
            try experiment?.insert(db)
            return try Self.recordRun(
                run, spec: spec, labels: labels, sidSeed: sidSeed, level: level, since: since, simulate: simulate,
                path: path, db)
        }
        if let experiment { pendingExperiments.withLock { $0.removeAll { $0.id == experiment.id } } }
        return runId
    }

    /// Runs `update`, which writes runs (``recordRun(_:spec:labels:sidSeed:level:since:simulate:path:_:)``),
    /// in one transaction: all of it is committed, or nothing if anything throws. A database
    /// error becomes a ``StoreError`` (`.write`); any other is rethrown as it is.
    func writingRuns<Value>(_ update: (Database) throws -> Value) throws -> Value {
        do {
            return try database.writeWithoutTransaction { db in
                // Every row of the run references the `runs` row inserted first in the same
                // transaction, and SQLite's check of that reference opens a cursor on `runs`
                // and seeks in it for each row (docs/performance.md, "The row writer of case
                // (b): multi-row inserts").
                // So foreign keys are not enforced while the run is written; the `runs` row's
                // own references are checked by hand before the commit.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var value: Value?
                try db.inTransaction {
                    value = try update(db)
                    return .commit
                }
                return value!
            }
        } catch let error as DatabaseError {
            throw StoreError(.write, path: path, reason: Self.reason(error))
        }
    }

    /// Writes one run, inside a transaction of ``writingRuns(_:)``; returns its id.
    ///
    /// While the rows are written, ``EarlyWriteback`` has the kernel write the file's WAL
    /// (`path` + `-wal`) to disk, so the commit waits less; a failed sync fails the run.
    static func recordRun(
        _ run: RunInfo, spec: SimulationSpec, labels: RunLabels, sidSeed: UInt64, level: RecordLevel,
        since: ContinuousClock.Instant?, simulate: ((any RecordSink)?) throws -> SimulationResult, path: String,
        _ db: Database
    ) throws -> Int64 {
        let runId = try Self.insertRun(run, spec: spec, level: level, db)
        let clock = ContinuousClock()
        let start = since ?? clock.now
        let result: SimulationResult
        if level.keepsRows {
            let writer = try RowWriter(db, runId: runId, labels: labels, seed: sidSeed, events: level.keepsEvents)
            let pipeline = RowPipeline(writer: writer, lending: db)
            let writeback = EarlyWriteback(path: path + "-wal")
            let simulated = Result { try simulate(pipeline) }
            let finished = Result { try pipeline.finish() }
            let synced = Result { try writeback?.stop() }
            try finished.get()
            try synced.get()
            result = try simulated.get()
        } else {
            result = try simulate(nil)
        }
        let wall = start.duration(to: clock.now)
        try Self.insertIntervals(result.intervals, runId: runId, queues: labels.queues, db)
        try Self.insertQueueSummaries(result.queues, runId: runId, queues: labels.queues, db)
        try Self.insertStatistics(result.statistics, runId: runId, db)
        try Self.completeRun(runId, result: result, wallSeconds: Self.seconds(wall), db)
        try Self.checkReferences(ofRun: runId, db)
        return runId
    }

    /// Throws SQLite's foreign-key error if the `runs` row `runId` references a row that does
    /// not exist (an unknown `experiment_id`), as SQLite would with foreign keys enforced.
    private static func checkReferences(ofRun runId: Int64, _ db: Database) throws {
        let violations = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM pragma_foreign_key_check('runs') WHERE rowid = ?", arguments: [runId]) ?? 0
        if violations > 0 {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY, message: "FOREIGN KEY constraint failed")
        }
    }

    /// Starts an experiment (a batch, comparison, sweep or staffing search) and returns its
    /// id, for ``RunInfo/experimentID``: one more than the largest in the file.
    ///
    /// The `experiments` row is written in the transaction of the experiment's first run, so
    /// an experiment that fails, is stopped or crashes before a run commits leaves no row.
    /// Like run ids (``nextRunID()``), the id is reserved in this store only: two processes
    /// starting experiments in one file at once may reserve the same, and the second to
    /// commit a run fails. `arguments` are the command line's, stored as a JSON array.
    public func beginExperiment(_ command: ExperimentCommand, arguments: [String]) throws(StoreError) -> Int64 {
        let id = try reading { (try Int64.fetchOne($0, sql: "SELECT MAX(experiment_id) FROM experiments") ?? 0) + 1 }
        let row = PendingExperiment(
            id: id, command: command, arguments: AttributeValue.array(arguments.map(AttributeValue.string)).jsonText,
            startedAt: Date().ISO8601Format())
        pendingExperiments.withLock { $0.append(row) }
        return id
    }

    /// The `run_id` the next run will get unless it is given one: one more than the largest.
    public func nextRunID() throws(StoreError) -> Int64 {
        try reading { (try Int64.fetchOne($0, sql: "SELECT MAX(run_id) FROM runs") ?? 0) + 1 }
    }

    /// The number of runs in the file.
    public func runCount() throws(StoreError) -> Int {
        try reading { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    /// Runs `query` on the file; any failure becomes a ``StoreError`` naming the file.
    func reading<Value>(_ query: (Database) throws -> Value) throws(StoreError) -> Value {
        do {
            return try database.read(query)
        } catch {
            throw StoreError(.read, path: path, reason: Self.reason(error))
        }
    }

    /// Runs `update` on the file without a transaction of its own; any failure becomes a
    /// ``StoreError`` (`.write`) naming the file.
    func writing<Value>(_ update: (Database) throws -> Value) throws(StoreError) -> Value {
        do {
            return try database.writeWithoutTransaction(update)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.write, path: path, reason: Self.reason(error))
        }
    }

    /// Inserts the `runs` row with what is known before the simulation; returns its id.
    private static func insertRun(_ run: RunInfo, spec: SimulationSpec, level: RecordLevel, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO runs (run_id, scenario, variant, replication, seed, horizon, warmup, interval, service_level,
                    multi_task_enabled, overrides, routesim_version, workspace_sid, record_level, started_at,
                    experiment_id, point, start, configuration_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.runID, run.scenario, run.variant, run.replication, Int64(bitPattern: run.seed), run.horizon,
                run.warmup, run.interval, run.serviceLevel, run.multiTaskEnabled,
                AttributeValue.array(run.overrides.map(AttributeValue.string)).jsonText, run.version,
                spec.workspace.sid, level.rawValue, Date().ISO8601Format(), run.experimentID, run.point,
                spec.start, run.configuration,
            ])
        return db.lastInsertedRowID
    }

    /// Inserts the `intervals` rows; `queues` are the queue friendly names by index.
    private static func insertIntervals(_ intervals: [IntervalRecord], runId: Int64, queues: [String], _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO intervals (run_id, interval, start, end, queue, warmup, staffed_agents, \(KPIColumns.list))
            VALUES (?, ?, ?, ?, ?, ?, ?, \(KPIColumns.placeholders))
            """)
        for interval in intervals {
            let fixed: StatementArguments = [
                runId, interval.index, interval.start, interval.end, interval.queue.map { queues[$0] },
                interval.warmup, interval.staffedAgents,
            ]
            try statement.execute(arguments: fixed + KPIColumns.values(of: interval.kpis))
        }
    }

    /// Inserts the `queue_summary` rows, one per queue in queue order.
    private static func insertQueueSummaries(_ summaries: [KPIs], runId: Int64, queues: [String], _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO queue_summary (run_id, queue, \(KPIColumns.list))
            VALUES (?, ?, \(KPIColumns.placeholders))
            """)
        for (queue, kpis) in summaries.enumerated() {
            try statement.execute(arguments: [runId, queues[queue]] + KPIColumns.values(of: kpis))
        }
    }

    /// Inserts the `statistics` rows, in the order the engine gave them, through SQLite's C API
    /// (``RowStatement``): a workforce of 10,000 agents has as many worker documents.
    private static func insertStatistics(_ documents: [StatisticsDocument], runId: Int64, _ db: Database) throws {
        let statement = try RowStatement(
            db, insertInto: "statistics (run_id, scope, time, kind, sid, name, document)", runId: runId, columns: 6, rows: 1)
        for document in documents {
            statement.bind(1, document.scope.rawValue)
            statement.bind(2, document.time)
            statement.bind(3, document.kind.rawValue)
            statement.bind(4, document.sid)
            statement.bind(5, document.name)
            statement.bind(6, document.json)
            try statement.insert()
        }
    }

    /// Completes the `runs` row with the simulation's outcome and summary KPIs.
    private static func completeRun(_ runId: Int64, result: SimulationResult, wallSeconds: Double, _ db: Database) throws {
        let assignments = KPIColumns.names.map { "\($0) = ?" }.joined(separator: ", ")
        let outcome: StatementArguments = [wallSeconds, result.eventCount, result.tasksCreated, result.endTime]
        try db.execute(
            sql: """
                UPDATE runs SET wall_seconds = ?, event_count = ?, tasks_created = ?, end_time = ?, \(assignments)
                WHERE run_id = ?
                """,
            arguments: outcome + KPIColumns.values(of: result.summary) + [runId])
    }

    /// A duration in seconds.
    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// SQLite's own message for a database error (for a lock held past ``busyTimeout``,
    /// who holds it), the description of any other.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        if error.resultCode == .SQLITE_BUSY {
            return "another program (another routesim?) kept it locked for \(Int(busyTimeout)) s; try again when it is done"
        }
        return error.message ?? error.description
    }
}
