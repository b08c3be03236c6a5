import GRDB

/// The results database's schema, as GRDB migrations (docs/schema.md describes every column).
///
/// GRDB records applied migrations in `grdb_migrations`; a file is upgraded in place when it
/// is opened, and a file that has migrations this build does not know (written by a newer
/// routesim) is refused. Migrations are history: change the schema by adding one, never by
/// editing one that has shipped; so the KPI columns of `runs`, `intervals` and
/// `queue_summary` are written out here, not generated from ``KPIColumns``, which may grow.
/// Tables are STRICT; child tables reference `runs` with
/// `ON DELETE CASCADE`, so deleting a run deletes its rows.
///
/// Tasks and reservations are keyed by `(run_id, ordinal)`: the row pipeline stores them in
/// that order (``KeyOrderedRows``), so inserts append to the index instead of searching it,
/// as keying by the random SIDs would. Reservations carry their task's ordinal too; join on `(run_id, task_index)`
/// (indexed), not on `task_sid` (SQLite would scan).
enum ResultSchema {
    /// The migrator that brings a file to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3-run-start") { db in
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN start TEXT")
        }
        migrator.registerMigration("v4-configuration-hash") { db in
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN configuration_hash TEXT")
        }
        migrator.registerMigration("v5-experiment-parts") { db in
            try db.execute(sql: version5)
        }
        return migrator
    }

    /// The first schema: runs, tasks, reservations, worker_activity, intervals, queue_summary,
    /// events and statistics.
    private static let version1 = """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            scenario TEXT NOT NULL,
            variant TEXT,
            replication INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            horizon REAL NOT NULL,
            warmup REAL NOT NULL,
            interval REAL NOT NULL,
            service_level REAL NOT NULL,
            multi_task_enabled INTEGER NOT NULL CHECK (multi_task_enabled IN (0, 1)),
            overrides TEXT NOT NULL,
            routesim_version TEXT NOT NULL,
            workspace_sid TEXT NOT NULL,
            record_level TEXT NOT NULL CHECK (record_level IN ('summary', 'tasks', 'events')),
            started_at TEXT NOT NULL,
            wall_seconds REAL,
            event_count INTEGER,
            tasks_created INTEGER,
            end_time REAL,
            offered INTEGER,
            answered INTEGER,
            abandoned INTEGER,
            other_canceled INTEGER,
            answered_within INTEGER,
            abandoned_after INTEGER,
            answered_wait_seconds REAL,
            handled INTEGER,
            handle_seconds REAL,
            longest_wait REAL,
            busy_seconds REAL,
            staffed_seconds REAL,
            reservations_created INTEGER,
            reservations_accepted INTEGER,
            reservations_rejected INTEGER,
            reservations_timed_out INTEGER,
            sl REAL,
            sl_offered REAL,
            sl_answered REAL,
            abandon_rate REAL,
            asa REAL,
            aht REAL,
            occupancy REAL
        ) STRICT;

        CREATE TABLE tasks (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            task_index INTEGER NOT NULL,
            task_sid TEXT NOT NULL,
            stream TEXT NOT NULL,
            channel TEXT NOT NULL,
            workflow TEXT NOT NULL,
            priority INTEGER NOT NULL,
            attributes TEXT NOT NULL,
            created_at REAL NOT NULL,
            first_queue TEXT,
            queue TEXT,
            worker_sid TEXT,
            worker_name TEXT,
            assigned_at REAL,
            wrapup_at REAL,
            completed_at REAL,
            canceled_at REAL,
            status TEXT NOT NULL,
            reason TEXT,
            reservation_count INTEGER NOT NULL,
            wait_seconds REAL NOT NULL,
            PRIMARY KEY (run_id, task_index)
        ) STRICT;

        CREATE TABLE reservations (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            reservation_index INTEGER NOT NULL,
            reservation_sid TEXT NOT NULL,
            task_index INTEGER NOT NULL,
            task_sid TEXT NOT NULL,
            worker_sid TEXT NOT NULL,
            worker_name TEXT NOT NULL,
            queue TEXT NOT NULL,
            created_at REAL NOT NULL,
            responded_at REAL NOT NULL,
            ended_at REAL NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (run_id, reservation_index)
        ) STRICT;

        CREATE TABLE worker_activity (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            worker_sid TEXT NOT NULL,
            worker_name TEXT NOT NULL,
            worker_group TEXT NOT NULL,
            activity TEXT NOT NULL,
            available INTEGER NOT NULL CHECK (available IN (0, 1)),
            start REAL NOT NULL,
            end REAL NOT NULL,
            duration REAL NOT NULL
        ) STRICT;
        CREATE INDEX worker_activity_run ON worker_activity(run_id);

        CREATE TABLE intervals (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            interval INTEGER NOT NULL,
            start REAL NOT NULL,
            end REAL NOT NULL,
            queue TEXT,
            warmup INTEGER NOT NULL CHECK (warmup IN (0, 1)),
            staffed_agents REAL NOT NULL,
            offered INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            abandoned INTEGER NOT NULL,
            other_canceled INTEGER NOT NULL,
            answered_within INTEGER NOT NULL,
            abandoned_after INTEGER NOT NULL,
            answered_wait_seconds REAL NOT NULL,
            handled INTEGER NOT NULL,
            handle_seconds REAL NOT NULL,
            longest_wait REAL NOT NULL,
            busy_seconds REAL NOT NULL,
            staffed_seconds REAL NOT NULL,
            reservations_created INTEGER NOT NULL,
            reservations_accepted INTEGER NOT NULL,
            reservations_rejected INTEGER NOT NULL,
            reservations_timed_out INTEGER NOT NULL,
            sl REAL,
            sl_offered REAL,
            sl_answered REAL,
            abandon_rate REAL,
            asa REAL,
            aht REAL,
            occupancy REAL
        ) STRICT;
        CREATE INDEX intervals_run ON intervals(run_id, interval);

        CREATE TABLE queue_summary (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            queue TEXT NOT NULL,
            offered INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            abandoned INTEGER NOT NULL,
            other_canceled INTEGER NOT NULL,
            answered_within INTEGER NOT NULL,
            abandoned_after INTEGER NOT NULL,
            answered_wait_seconds REAL NOT NULL,
            handled INTEGER NOT NULL,
            handle_seconds REAL NOT NULL,
            longest_wait REAL NOT NULL,
            busy_seconds REAL NOT NULL,
            staffed_seconds REAL NOT NULL,
            reservations_created INTEGER NOT NULL,
            reservations_accepted INTEGER NOT NULL,
            reservations_rejected INTEGER NOT NULL,
            reservations_timed_out INTEGER NOT NULL,
            sl REAL,
            sl_offered REAL,
            sl_answered REAL,
            abandon_rate REAL,
            asa REAL,
            aht REAL,
            occupancy REAL,
            PRIMARY KEY (run_id, queue)
        ) STRICT;

        CREATE TABLE events (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            event_index INTEGER NOT NULL,
            event_sid TEXT NOT NULL,
            event_type TEXT NOT NULL,
            time REAL NOT NULL,
            resource_type TEXT NOT NULL,
            resource_sid TEXT NOT NULL,
            description TEXT NOT NULL,
            event_data TEXT NOT NULL,
            PRIMARY KEY (run_id, event_index)
        ) STRICT;

        CREATE TABLE statistics (
            run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            time REAL NOT NULL,
            kind TEXT NOT NULL,
            sid TEXT NOT NULL,
            name TEXT NOT NULL,
            document TEXT NOT NULL
        ) STRICT;
        CREATE INDEX statistics_run ON statistics(run_id, scope, kind);
        """

    /// Experiments: the command that made a group of runs (a batch, a comparison, a sweep,
    /// a staffing search), and each run's point in a sweep or search.
    private static let version2 = """
        CREATE TABLE experiments (
            experiment_id INTEGER PRIMARY KEY,
            command TEXT NOT NULL CHECK (command IN ('run', 'batch', 'compare', 'sweep', 'staff')),
            arguments TEXT NOT NULL,
            started_at TEXT NOT NULL
        ) STRICT;

        ALTER TABLE runs ADD COLUMN experiment_id INTEGER REFERENCES experiments(experiment_id) ON DELETE CASCADE;
        ALTER TABLE runs ADD COLUMN point TEXT;
        CREATE INDEX runs_experiment ON runs(experiment_id);
        """

    /// The part of an experiment a file holds when it was run with `--part I/N`, written once
    /// every run of the part is recorded; empty in any other file, a merged one included.
    private static let version5 = """
        CREATE TABLE experiment_parts (
            experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id) ON DELETE CASCADE,
            part INTEGER NOT NULL,
            parts INTEGER NOT NULL,
            plan_runs INTEGER NOT NULL,
            first_run_id INTEGER NOT NULL,
            run_count INTEGER NOT NULL,
            plan TEXT NOT NULL,
            PRIMARY KEY (experiment_id, part)
        ) STRICT;
        """
}
