import GRDB

/// Experiments split into parts (`--part I/N`): the record that a file holds a finished part.
extension ResultStore {
    /// Records that the file holds `part`, all of whose runs are recorded.
    public func recordPart(_ part: ExperimentPart) throws(StoreError) {
        try writing { db in try db.inTransaction { try part.insert(db); return .commit } }
    }
}
