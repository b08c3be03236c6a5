/// How the twin's simulated clock moves (`routesim serve --clock`).
public enum TwinClockMode: Sendable, Equatable {
    /// Only when a client posts to `/routesim/v1/Clock`.
    case manual
    /// `speed` simulated seconds per wall-clock second, and on request too.
    case realtime(speed: Double)
}
