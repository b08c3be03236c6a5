import Foundation

/// A thread that runs one closure and that the thread which started it waits for
/// (``join()``); Foundation's `Thread` cannot be waited for.
///
/// Joining every thread before the process exits means that no thread still runs while the
/// exit handlers tear the libraries down, and that nothing the thread holds is released
/// after its owner is gone. The thread is joined at the latest when the value is released.
final class JoinableThread {
    /// The closure, handed to the new thread as a retained pointer.
    private final class Body {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }

    #if canImport(Darwin)
    private var handle: pthread_t?
    #else
    private var handle = pthread_t()
    #endif
    private var joined = false

    /// Starts a thread that runs `body`; throws the system's reason when none can be started.
    init(_ body: @escaping @Sendable () -> Void) throws(POSIXError) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(&handle, nil, { context in
            let pointer: UnsafeMutableRawPointer? = context
            if let pointer { Unmanaged<Body>.fromOpaque(pointer).takeRetainedValue().run() }
            return nil
        }, context)
        if status != 0 {
            Unmanaged<Body>.fromOpaque(context).release()
            joined = true
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EAGAIN)
        }
    }

    /// Waits until the closure has returned and the thread has ended. Call from one thread.
    func join() {
        guard !joined else { return }
        joined = true
        #if canImport(Darwin)
        if let handle { pthread_join(handle, nil) }
        #else
        pthread_join(handle, nil)
        #endif
    }

    deinit {
        join()
    }
}
