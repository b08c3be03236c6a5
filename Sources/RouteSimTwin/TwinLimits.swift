import ServiceLifecycle

/// Stops the server by itself after `maxRequests` requests or `maxSeconds` wall seconds,
/// whichever comes first (`--max-requests`, `--max-seconds`), so that tests bound it.
///
/// A service that returns when a limit is reached; the server's group then shuts down
/// gracefully. Only in the group when a limit is given.
final class TwinLimits: Service, Sendable {
    let maxRequests: Int?
    let maxSeconds: Double?
    /// One element per request answered.
    private let answers: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(maxRequests: Int?, maxSeconds: Double?) {
        self.maxRequests = maxRequests
        self.maxSeconds = maxSeconds
        (answers, continuation) = AsyncStream.makeStream()
    }

    /// Counts one request answered.
    @Sendable func answered() {
        continuation.yield()
    }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let maxSeconds = self.maxSeconds {
                    group.addTask { try await Task.sleep(for: .seconds(maxSeconds)) }
                }
                if let maxRequests = self.maxRequests {
                    group.addTask {
                        var count = 0
                        for await _ in self.answers {
                            count += 1
                            if count >= maxRequests { return }
                        }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
