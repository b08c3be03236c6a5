import Foundation
import Synchronization

/// SQLite's busy handler of a results file: retries while another connection holds the lock
/// the store needs, says so once the wait passes ``noticeAfter``, and gives up after
/// ``limit``.
///
/// SQLite calls ``retry(_:)`` with 0 when a wait begins and with 1, 2, … while it lasts; the
/// handler sleeps between tries itself.
final class BusyWait: Sendable {
    /// How long a wait lasts before ``notice`` is called.
    static let noticeAfter = Duration.seconds(1)
    /// The pause between two tries (µs).
    private static let pause: useconds_t = 10_000

    /// The longest wait before SQLite reports the file locked.
    let limit: Duration
    /// Called once per store, the first time a wait passes ``noticeAfter``.
    private let notice: @Sendable () -> Void
    /// When the current wait began.
    private let began = Mutex<ContinuousClock.Instant>(.now)
    /// Whether ``notice`` was called.
    private let noticed = Atomic<Bool>(false)

    init(limit: Duration, notice: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.notice = notice
    }

    /// Whether SQLite should try again: after a pause, while the wait is shorter than ``limit``.
    func retry(_ attempt: Int) -> Bool {
        let now = ContinuousClock.now
        let waited = began.withLock { began in
            if attempt == 0 { began = now }
            return began.duration(to: now)
        }
        guard waited < limit else { return false }
        if waited >= Self.noticeAfter, !noticed.exchange(true, ordering: .relaxed) { notice() }
        usleep(Self.pause)
        return true
    }
}
