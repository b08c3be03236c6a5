import Foundation
import GRDB

/// The results file a session of `routesim serve --out FILE` keeps: its runs, replaced at
/// each snapshot, beside whatever runs the file held before.
///
/// The file is checked (and created if missing) when the session starts, by the rules of
/// ``ResultStore/init(path:waiting:)``, so a bad path fails then. A snapshot copies the file to a hidden
/// file beside it, deletes there the runs the previous snapshot wrote, records the
/// session's runs, and renames the copy into place (``ResultsFile/writeAside(_:tag:_:)``):
/// the file is always whole, and runs another command added meanwhile are kept.
public struct SessionFile: Sendable {
    /// The path, as given.
    public let path: String
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
        let previous = written
        var ids: [Int64] = []
        try ResultsFile.writeAside(path, tag: "snapshot") { hidden in
            if FileManager.default.fileExists(atPath: path) {
                do {
                    try FileManager.default.copyItem(atPath: path, toPath: hidden)
                } catch {
                    throw StoreError(.write, path: path, reason: "cannot copy it to \(hidden): \(error.localizedDescription)")
                }
            }
            let store = try ResultStore(path: hidden)
            try store.writing { db in
                for id in previous { try db.execute(sql: "DELETE FROM runs WHERE run_id = ?", arguments: [id]) }
            }
            ids = try runs.map { try store.record($0) }
        }
        written = ids
        return ids
    }
}
