import GRDB

/// An experiment begun whose `experiments` row is not written yet: it goes into the file in
/// the transaction of the experiment's first run (``ResultStore/beginExperiment(_:arguments:)``).
struct PendingExperiment: Sendable {
    /// The reserved `experiment_id`.
    var id: Int64
    var command: ExperimentCommand
    /// The command line's arguments as a JSON array.
    var arguments: String
    /// When the experiment began (ISO 8601).
    var startedAt: String

    /// Inserts the row.
    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO experiments (experiment_id, command, arguments, started_at) VALUES (?, ?, ?, ?)",
            arguments: [id, command.rawValue, arguments, startedAt])
    }
}
