import Dispatch
import Foundation

/// Has the operating system write a results file to disk while its run is still being
/// recorded, so that the sync at the commit finds little left to write.
///
/// A run's rows reach the file as SQLite's page cache spills, but the kernel keeps them in
/// memory until the commit's `fdatasync`, which then waits for all of them: 0.31 s of the
/// 2.6 s of case (b) of the benchmark (a million callers, 380 MB). A timer on a queue of its
/// own syncs the file every ``period`` while the run is recorded, so the disk works beside
/// the simulation. It syncs only what SQLite has written already, as the kernel itself may do
/// at any time, so the commit stays as atomic as before. A timer, not a thread: nothing is
/// started or torn down per run.
///
/// The timer uses SQLite's own descriptor of the file, found in `/proc/self/fd`: opening
/// and closing another descriptor would drop SQLite's POSIX locks on the file. Where there is
/// no `/proc` (macOS), ``init(path:)`` returns nil and the commit syncs everything, as
/// without this type.
final class EarlyWriteback {
    /// How often the file is synced.
    static let period = DispatchTimeInterval.milliseconds(250)

    /// The queue the syncs run on, one at a time.
    private let queue = DispatchQueue(label: "routesim.early-writeback", qos: .utility)
    private let timer: any DispatchSourceTimer

    /// Finds a descriptor this process holds open on the file at `path` (SQLite's, once the
    /// store is open) and starts syncing it; nil if there is none, or no `/proc`.
    init?(path: String) {
        guard let descriptor = Self.openDescriptor(of: path) else { return nil }
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Self.period, repeating: Self.period)
        timer.setEventHandler { _ = fsync(descriptor) }
        timer.resume()
    }

    /// Stops syncing and waits for a sync under way, so that the descriptor is no longer used.
    /// Call once, before the connection that owns the descriptor may close it.
    func stop() {
        timer.cancel()
        queue.sync {}
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
