import Foundation
import RouteSimStore

/// Opening results files from the commands: what the store did or waits for goes to stderr.
extension ResultStore {
    /// Opens `path` for a command that adds runs (run, batch, compare, sweep, staff).
    static func forWriting(_ path: String) throws(StoreError) -> ResultStore {
        let store = try ResultStore(path: path, waiting: waitingNotice(path))
        tellRollback(store)
        return store
    }

    /// Opens the existing results file `path` for a command that reads one (report, export,
    /// stats); nothing in it changes.
    static func forReading(_ path: String) throws(StoreError) -> ResultStore {
        let store = try ResultStore(existing: path, waiting: waitingNotice(path))
        tellRollback(store)
        return store
    }

    /// Says on stderr that a wait for `path` is long.
    private static func waitingNotice(_ path: String) -> @Sendable () -> Void {
        { StandardError.say("waiting for \(path): another routesim is writing") }
    }

    /// Says on stderr when opening the file rolled back a write that had not finished.
    private static func tellRollback(_ store: ResultStore) {
        if store.rolledBackJournal {
            StandardError.say("\(store.path): rolled back a write that had not finished (\(store.path)-journal, left by a routesim "
                + "that was stopped or ran out of disk space); the runs committed before it are kept")
        }
    }
}
