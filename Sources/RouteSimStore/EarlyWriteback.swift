import Dispatch
import Foundation
import GRDB
import Synchronization

/// Has the operating system write a results file to disk while its run is still being
/// recorded, so that the sync at the commit finds little left to write.
///
/// A run's rows reach the file (in WAL mode, `FILE-wal`) as SQLite's page cache spills, but
/// the kernel keeps them in memory until the commit's `fdatasync`, which then waits for all
/// of them, a noticeable part of a large run's wall time (docs/performance.md, "The row
/// writer of case (b), third round"). A timer on a queue of its own syncs the file every
/// ``period`` while the run is recorded, so the disk works beside the simulation. It syncs only what SQLite has written already, as the kernel itself may do
/// at any time, so the commit stays as atomic as before. A timer, not a thread: nothing is
/// started or torn down per run.
///
/// The timer uses SQLite's own descriptor of the file, found in `/proc/self/fd`: opening
/// and closing another descriptor would drop SQLite's POSIX locks on the file. Where there is
/// no `/proc` (macOS), ``init(path:sync:)`` returns nil and the commit syncs everything, as
/// without this type.
///
/// A failed sync is kept and ``stop()`` throws it: Linux reports a write-back error once per
/// open file description, so the commit's own sync on the same descriptor would not see it,
/// and the run would seem recorded with pages lost.
final class EarlyWriteback {
    /// How often the file is synced.
    static let period = DispatchTimeInterval.milliseconds(250)

    /// The queue the syncs run on, one at a time.
    private let queue = DispatchQueue(label: "routesim.early-writeback", qos: .utility)
    private let timer: any DispatchSourceTimer
    /// The `errno` of the first sync that failed.
    private let failure = Mutex<Int32?>(nil)

    /// Finds a descriptor this process holds open on the file at `path` (SQLite's, once the
    /// store is open) and starts syncing it with `sync` (`fsync`; a test's to fail); nil if
    /// there is none, or no `/proc`.
    init?(path: String, sync: @escaping @Sendable (Int32) -> Int32 = { fsync($0) }) {
        guard let descriptor = Self.openDescriptor(of: path) else { return nil }
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Self.period, repeating: Self.period)
        timer.setEventHandler { [weak self] in
            guard sync(descriptor) != 0 else { return }
            let code = errno
            self?.failure.withLock { $0 = $0 ?? code }
        }
        timer.resume()
    }

    /// Stops syncing and waits for a sync under way, so that the descriptor is no longer
    /// used, then throws the first sync that failed (an I/O error, `SQLITE_IOERR_FSYNC`).
    /// Call once, before the connection that owns the descriptor may close it.
    func stop() throws(DatabaseError) {
        timer.cancel()
        queue.sync {}
        if let code = failure.withLock({ $0 }) {
            throw DatabaseError(
                resultCode: .SQLITE_IOERR_FSYNC,
                message: "the system could not write it to disk (fsync: \(String(cString: strerror(code)))); the run is not recorded")
        }
    }

    /// The lowest descriptor in `/proc/self/fd` that links to the file at `path`.
    private static func openDescriptor(of path: String) -> Int32? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = "/proc/self/fd"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let descriptors = entries.compactMap(Int32.init).sorted()
        return descriptors.first { descriptor in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(descriptor)")) == target
        }
    }
}
