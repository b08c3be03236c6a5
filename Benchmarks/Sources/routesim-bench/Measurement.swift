/// What one run of one case measured; a child prints it as JSON, the parent reads it.
struct Measurement: Codable, Sendable {
    var benchCase: String
    var scenario: String
    var record: String
    /// Callers created (Poisson: close to the requested number, not equal to it).
    var callers: Int
    /// Events the engine processed (routesim) ; nil for SimPy.
    var events: Int?
    /// Seconds to load and validate the scenario (not in the speeds).
    var loadSeconds: Double?
    /// Seconds of `Simulation.run` alone.
    var simulateSeconds: Double?
    /// Seconds of the whole run as `routesim run` does it: `ResultStore.record`, that is the
    /// simulation, the rows it sends to SQLite, the summary rows and the commit. SimPy: env.run.
    var wallSeconds: Double
    /// Peak resident memory of the child process (MB = 2^20 bytes), from its VmHWM
    /// (routesim) or the parent's wait4 ru_maxrss (SimPy).
    var peakMB: Double
    /// The SQLite file's size after the run (MB), routesim only.
    var databaseMB: Double?
    /// The horizon the run used (s).
    var horizonSeconds: Double
    /// Share of callers who hung up (routesim: after warm-up; SimPy: all).
    var abandonRate: Double?
    /// Average wait of answered callers (s).
    var asaSeconds: Double?
    /// SimPy and Python versions, for the SimPy peer.
    var simpyVersion: String?
    var pythonVersion: String?

    var callersPerSecond: Double { Double(callers) / wallSeconds }
    var eventsPerSecond: Double? { events.map { Double($0) / wallSeconds } }
}
