import Foundation
import RouteSim
import RouteSimScenario
import RouteSimStore

/// Runs one routesim case in this process (the child), as `routesim run FILE --record LEVEL`
/// does, into a SQLite file in a fresh temporary folder that is removed afterwards.
enum ChildRun {
    static func run(_ benchCase: BenchCase, options: Options) throws -> Measurement {
        let path = options.scenario ?? (options.root + "/" + benchCase.scenario)
        let given = try options.overrides.map { assignment throws(ScenarioErrors) in try Override.parse(assignment) }
            + [Override(keyPath: "seed", value: String(options.seed))]

        // First load: the arrival rate (after the caller's overrides) gives the horizon.
        let clock = ContinuousClock()
        let loadStart = clock.now
        let base = try ScenarioLoader.load(path: path, overrides: given).spec
        let rate = try totalRate(base)
        let horizon = Double(options.callers) / rate
        var scaled = given + [Override(keyPath: "horizon", value: "\(horizon)")]
        // Keep the file's warm-up unless the horizon is too short for it.
        if base.warmup >= horizon / 2 {
            scaled.append(Override(keyPath: "warmup", value: "\(horizon / 10)"))
        }
        let spec = try ScenarioLoader.load(path: path, overrides: scaled).spec
        let loadSeconds = seconds(loadStart.duration(to: clock.now))

        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/bench.sqlite"
        let store = try ResultStore(path: database)
        let info = RunInfo(
            scenario: spec.name, variant: nil, replication: spec.replication, seed: spec.seed,
            horizon: spec.horizon, warmup: spec.warmup, interval: spec.interval,
            serviceLevel: spec.serviceLevel, multiTaskEnabled: spec.workspace.multiTaskEnabled,
            overrides: scaled.map { "\($0.keyPath)=\($0.value)" }, version: "routesim-bench")
        let level = benchCase.record
        var outcome: SimulationResult?
        var simulateSeconds = 0.0
        let start = clock.now
        _ = try store.record(run: info, spec: spec, level: level) { sink in
            let simulateStart = clock.now
            var simulation = Simulation(spec: spec)
            let result = simulation.run(sink: sink, recordEvents: level.keepsEvents)
            simulateSeconds = seconds(simulateStart.duration(to: clock.now))
            outcome = result
            return result
        }
        let wall = seconds(start.duration(to: clock.now))
        guard let result = outcome else { throw UsageError("the run returned no result") }
        let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? NSNumber)?.doubleValue

        return Measurement(
            benchCase: benchCase.rawValue, scenario: path, record: level.rawValue,
            callers: result.tasksCreated, events: result.eventCount,
            loadSeconds: loadSeconds, simulateSeconds: simulateSeconds, wallSeconds: wall,
            peakMB: peakResidentMB() ?? 0, databaseMB: size.map { $0 / 1_048_576 },
            horizonSeconds: spec.horizon, abandonRate: result.summary.abandonRate,
            asaSeconds: result.summary.answered > 0
                ? result.summary.answeredWaitTotal / Double(result.summary.answered) : nil,
            simpyVersion: nil, pythonVersion: nil)
    }

    /// Expected arrivals per second over all streams (Poisson streams only).
    static func totalRate(_ spec: SimulationSpec) throws -> Double {
        var rate = 0.0
        for stream in spec.arrivals {
            guard case .poisson(let perSecond) = stream.process else {
                throw UsageError("stream \"\(stream.name)\" is not a constant-rate Poisson stream; cannot scale its horizon")
            }
            rate += perSecond
        }
        guard rate > 0 else { throw UsageError("the scenario has no arrivals") }
        return rate
    }

    /// VmHWM of this process (Linux), else ru_maxrss of getrusage(RUSAGE_SELF).
    static func peakResidentMB() -> Double? {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                let kib = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
                if let kib { return kib / 1024 }
            }
        }
        var usage = rusage()
        #if canImport(Glibc)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        #if os(Linux)
            return Double(usage.ru_maxrss) / 1024  // KiB on Linux
        #else
            return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #endif
    }

    static func makeTemporaryFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array((base + "/routesim-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw UsageError("cannot create a temporary folder in \(base)") }
        return String(cString: made)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
