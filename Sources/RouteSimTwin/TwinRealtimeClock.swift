import ServiceLifecycle

/// Moves the twin's clock with the wall clock in `--clock realtime`: every few milliseconds
/// by the wall time since the last step times the speed.
///
/// A service of the server's group: it stops on graceful shutdown. Moves made by clients
/// (`POST /routesim/v1/Clock`) add to it.
struct TwinRealtimeClock: Service {
    let twin: Twin
    /// Simulated seconds per wall-clock second.
    let speed: Double
    /// Wall time between steps.
    static let step = Duration.milliseconds(5)

    func run() async throws {
        let clock = ContinuousClock()
        try? await cancelWhenGracefulShutdown {
            var last = clock.now
            while true {
                try await Task.sleep(for: Self.step)
                let now = clock.now
                let elapsed = (now - last).components
                last = now
                await twin.tick((Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18) * speed)
            }
        }
    }
}
