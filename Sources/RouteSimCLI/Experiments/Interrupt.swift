import Foundation
import Synchronization

/// Whether the user pressed Ctrl-C, for the commands that run simulations into a results
/// file (`run`, `batch`, `compare`, `sweep`, `staff`).
///
/// ``install()`` replaces the default action of SIGINT (end the process) with setting a
/// flag that the simulations poll between events and the writer between runs: the command
/// then stops its simulations, joins their threads, commits every run already finished and
/// says what the file holds. A run still simulating is dropped, so the file never holds
/// half a run.
enum Interrupt {
    /// Set by the signal handler.
    private static let flag = Atomic<Bool>(false)

    /// Whether SIGINT arrived since ``install()``.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Catches SIGINT from now on, also when the parent process ignored or blocked it (a
    /// test runner's children inherit both). Call it before starting threads: they inherit
    /// the unblocked mask.
    static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }
}
