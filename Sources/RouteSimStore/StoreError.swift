/// A results database that could not be created, opened, migrated, written or read.
///
/// The description names the file and passes on SQLite's (or the file system's) reason,
/// e.g. `cannot open results/x.sqlite: cannot create a file in the folder results: Permission denied`.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    /// What the store was doing when it failed.
    public enum Operation: Sendable, Equatable {
        /// Opening (or creating) the database file.
        case open
        /// Creating or upgrading the schema.
        case migrate
        /// Recording a run.
        case write
        /// Reading from the file.
        case read
    }

    /// What the store was doing.
    public var operation: Operation
    /// The database file's path, as given to ``ResultStore/init(path:)``.
    public var path: String
    /// Why it failed, in SQLite's or the file system's words.
    public var reason: String

    /// Creates an error about the database file at `path`.
    public init(_ operation: Operation, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// One line: what failed, on which file, and why.
    public var description: String {
        switch operation {
        case .open: "cannot open \(path): \(reason)"
        case .migrate: "cannot set up the results schema in \(path): \(reason)"
        case .write: "cannot record the run in \(path): \(reason)"
        case .read: "cannot read \(path): \(reason)"
        }
    }
}
