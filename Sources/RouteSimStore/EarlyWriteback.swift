import Foundation

/// Has the operating system write a results file to disk while its run is still being
/// recorded, so that the sync at the commit finds little left to write.
///
/// A run's rows reach the file as SQLite's page cache spills, but the kernel keeps them in
/// memory until the commit's `fdatasync`, which then waits for all of them: 0.31 s of the
/// 2.6 s of case (b) of the benchmark (a million callers, 380 MB). A thread of its own syncs
/// the file every ``period`` while the run is recorded, sleeping in the kernel meanwhile,
/// so the disk works beside the simulation. It syncs only what SQLite has written already,
/// as the kernel itself may do at any time, so the commit stays as atomic as before.
///
/// The thread uses SQLite's own descriptor of the file, found in `/proc/self/fd`: opening
/// and closing another descriptor would drop SQLite's POSIX locks on the file. Where there is
/// no `/proc` (macOS), ``init(path:)`` returns nil and the commit syncs everything, as
/// without this type.
final class EarlyWriteback: @unchecked Sendable {
    /// How often the file is synced.
    static let period = 0.25

    /// SQLite's descriptor of the file.
    private let descriptor: Int32
    /// Guards the two flags below and signals their changes.
    private let condition = NSCondition()
    /// ``stop()`` was called.
    private var stopping = false
    /// The thread has made its last sync.
    private var stopped = false

    /// Finds a descriptor this process holds open on the file at `path` (SQLite's, once the
    /// store is open) and starts syncing it; nil if there is none, or no `/proc`.
    init?(path: String) {
        guard let descriptor = Self.openDescriptor(of: path) else { return nil }
        self.descriptor = descriptor
        Thread { [self] in run() }.start()
    }

    /// Stops syncing and waits until the thread no longer uses the descriptor. Call once,
    /// before the connection that owns the descriptor may close it.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    /// The thread: syncs every ``period`` until stopped.
    private func run() {
        condition.lock()
        while !stopping {
            if !condition.wait(until: Date(timeIntervalSinceNow: Self.period)) {
                condition.unlock()
                _ = fsync(descriptor)
                condition.lock()
            }
        }
        stopped = true
        condition.broadcast()
        condition.unlock()
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
