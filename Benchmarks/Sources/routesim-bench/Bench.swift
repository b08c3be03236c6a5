import Foundation

/// `routesim-bench`: runs the benchmark cases of the issue "Speed and scale" (see
/// ../docs/performance.md), each run in a child process of its own so that its peak memory
/// is its own, and prints callers, events, wall seconds, callers/s, events/s, peak memory
/// and routesim's speed as a multiple of SimPy's on the same model.
@main
struct Bench {
    static func main() {
        let options: Options
        do {
            options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("routesim-bench: error: \(error)\n\n\(Options.usage)\n".utf8))
            exit(2)
        }
        if let child = options.child {
            do {
                let measurement = try ChildRun.run(child, options: options)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(measurement), as: UTF8.self))
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("routesim-bench: case \(child.rawValue): \(error)\n".utf8))
                exit(1)
            }
        }
        exit(Parent(options: options).run())
    }
}

/// The parent: spawns the children, collects their measurements, reports.
struct Parent {
    let options: Options

    /// Runs of one case.
    struct CaseResult: Codable {
        var benchCase: String
        var title: String
        var runs: [Measurement]
        /// Why the case has no runs (a failure, or SimPy missing).
        var failure: String?

        /// The fastest run (by callers per second).
        var best: Measurement? { runs.max { $0.callersPerSecond < $1.callersPerSecond } }
        var slowest: Measurement? { runs.min { $0.callersPerSecond < $1.callersPerSecond } }
    }

    func run() -> Int32 {
        let startedAt = Date()
        let loadBefore = loadAverage()
        var failed = false
        let folder: String
        do { folder = try ChildRun.makeTemporaryFolder() } catch {
            note("routesim-bench: error: \(error)")
            return 1
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // Round by round, every case once a round, so that the machine's load, which drifts,
        // weighs on every case alike and the best runs compare fairly (the ratios to SimPy).
        var results = options.cases.map { CaseResult(benchCase: $0.rawValue, title: $0.title, runs: [], failure: nil) }
        for repeatIndex in 1...options.repeats {
            for (index, benchCase) in options.cases.enumerated() where results[index].failure == nil {
                let label = "case \(benchCase.rawValue) (\(benchCase.title)), run \(repeatIndex)/\(options.repeats)"
                note("routesim-bench: \(label) ...")
                do {
                    let measurement = benchCase == .simpy
                        ? try runSimPy(folder: folder) : try runRoutesim(benchCase, folder: folder)
                    note(String(format: "routesim-bench:   %@ callers in %.2f s = %@ callers/s, peak %.1f MB",
                                group(measurement.callers), measurement.wallSeconds,
                                group(Int(measurement.callersPerSecond.rounded())), measurement.peakMB))
                    results[index].runs.append(measurement)
                } catch {
                    note("routesim-bench:   \(error)")
                    results[index].failure = "\(error)"
                    if benchCase != .simpy { failed = true }
                }
            }
        }

        let report = Report(
            options: options, results: results, startedAt: startedAt,
            loadBefore: loadBefore, loadAfter: loadAverage())
        print(options.json ? report.json() : report.text())
        if let path = options.jsonOut {
            do { try Data((report.json() + "\n").utf8).write(to: URL(fileURLWithPath: path)) } catch {
                note("routesim-bench: error: cannot write \(path): \(error)")
                failed = true
            }
        }
        return failed ? 1 : 0
    }

    func runRoutesim(_ benchCase: BenchCase, folder: String) throws -> Measurement {
        var arguments = [
            Spawn.selfPath, "--child", benchCase.rawValue, "--callers", String(options.callers),
            "--root", options.root, "--seed", String(options.seed),
        ]
        if let scenario = options.scenario { arguments += ["--scenario", scenario] }
        for assignment in options.overrides { arguments += ["--set", assignment] }
        let out = folder + "/\(benchCase.rawValue).json"
        let exit = try Spawn.run(arguments, stdoutPath: out)
        guard exit.succeeded else { throw UsageError("case \(benchCase.rawValue) failed (\(exit.describe))") }
        var measurement = try JSONDecoder().decode(Measurement.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        if measurement.peakMB == 0 { measurement.peakMB = exit.maxRSSMB }
        return measurement
    }

    func runSimPy(folder: String) throws -> Measurement {
        let script = options.root + "/" + BenchCase.simpy.scenario
        let out = folder + "/simpy.json"
        let err = folder + "/simpy.err"
        let exit: ChildExit
        do {
            exit = try Spawn.run(
                [options.python, script, "--callers", String(options.effectiveSimpyCallers), "--seed", String(options.seed)],
                stdoutPath: out, stderrPath: err)
        } catch {
            throw UsageError("SimPy not run: \(error) (install Python 3 and `pip install simpy`)")
        }
        guard exit.succeeded else {
            let text = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            let last = text.split(separator: "\n").last.map(String.init) ?? exit.describe
            throw UsageError("SimPy not run: \(last)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let callers = object["callers"] as? Int, let wall = object["wall_seconds"] as? Double
        else { throw UsageError("SimPy printed no result") }
        return Measurement(
            benchCase: "simpy", scenario: script, record: "-", callers: callers, events: nil,
            loadSeconds: nil, simulateSeconds: wall, wallSeconds: wall, peakMB: exit.maxRSSMB, databaseMB: nil,
            horizonSeconds: object["horizon_seconds"] as? Double ?? 0,
            abandonRate: object["abandon_rate"] as? Double, asaSeconds: object["asa_seconds"] as? Double,
            simpyVersion: object["simpy_version"] as? String, pythonVersion: object["python_version"] as? String)
    }

    func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
            .split(separator: " ").prefix(3).joined(separator: " ")
    }
}

func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// 1234567 -> "1,234,567" (locale-free).
func group(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return n < 0 ? "-" + out : out
}
