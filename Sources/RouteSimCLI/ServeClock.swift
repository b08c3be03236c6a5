import ArgumentParser

/// `routesim serve --clock`: how the twin's simulated clock moves.
enum ServeClock: String, CaseIterable, ExpressibleByArgument {
    /// Only when a client posts to /routesim/v1/Clock.
    case manual
    /// With the wall clock, `--speed` simulated seconds per second.
    case realtime
}
