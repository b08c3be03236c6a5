import Foundation

/// The results file a session of `routesim serve --out FILE` keeps: its runs, replaced at
/// each snapshot, beside whatever runs the file held before.
///
/// The file is checked (and created if missing) when the session starts, by the rules of
/// ``ResultStore/init(path:waiting:)``, so a bad path fails then. A snapshot opens the file
/// and, in one transaction, deletes the runs the previous snapshot wrote and records the
/// session's runs (``ResultStore/replaceRuns(_:with:)``): SQLite keeps the file whole, a
/// failed snapshot leaves it as it was, and runs another command added meanwhile are kept.
public struct SessionFile: Sendable {
    /// The path, as given.
    public let path: String
    /// A value of this session only (a random UUID), for the fingerprints of its runs:
    /// `routesim report` then pools none of them with another session's in the same file.
    public let session = UUID().uuidString
    /// The `run_id`s the last snapshot wrote.
    public private(set) var written: [Int64] = []

    /// Checks that `path` can hold routesim's runs, creating an empty results file if it
    /// is missing. Throws a ``StoreError`` naming it otherwise; a file that is not
    /// routesim's is left untouched.
    public init(path: String) throws(StoreError) {
        self.path = path
        _ = try ResultStore(path: path)
    }

    /// Writes `runs` in place of the previous snapshot's; returns their `run_id`s.
    public mutating func write(_ runs: [SessionRun]) throws -> [Int64] {
        written = try ResultStore(path: path).replaceRuns(written, with: runs)
        return written
    }
}
