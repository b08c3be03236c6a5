import Foundation
import RouteSim
import RouteSimKernel
@testable import RouteSimScenario
import Testing

/// Mutants of the shipped scenarios (every key deleted, given the wrong type, extreme numbers,
/// NaN, huge strings, broken expressions), loaded and, when accepted, run on a short horizon:
/// neither may crash. A crash ends the test process, which fails the suite.
///
/// Seeded, so every run tries the same mutants. The summary line gives the counts.
struct FuzzTests {
    /// The scenarios mutated: every shipped one but the benchmarks.
    static let scenarios = [
        "quickstart.yaml", "bilingual-support.yaml", "chat-multitasking.yaml", "erlang-c.yaml", "single-vs-multi.yaml",
        "trace-day.yaml", "imported/production-day.yaml",
    ]

    /// The values a key is set to.
    static let values: [String] = [
        "null", "[1, 2]", "{a: 1}", "true", "\"text\"", "''",
        "0", "-1", "1", "0.5", "-0.0", "1e-300", "1e308", "-1e308", ".nan", ".inf", "-.inf",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "2147483648", "4294967296", "1e19", "1e12h", "1e308s", "0.001s", "366d", "367d", "1e12/h", "3600000/h", "0/h",
        "1e3/s", "\"" + String(repeating: "x", count: 20_000) + "\"", String(repeating: "9", count: 400),
        "'a =='", "'HAS HAS'", "'((('", "'1 ==== 1'", "'x IN [1,'", "'languages HAS'", "'task.'", "'worker.x[99999999999999999999] == 1'",
        "{dist: erlang, k: 1e18, mean: 1m}", "{dist: gamma, shape: 1e-300, scale: 1}", "{dist: normal, mean: 0, sd: 1e308}",
        "{dist: empirical, values: [1e308, 1e308], weights: [1e308, 1e308]}", "{dist: lognormal, mean: 1e-300, sd: 1e300}",
        "{capacity: 2147483648}", "{every: 1e-9, volumes: [1e308]}",
    ]

    /// The cases that crashed before numbers had ranges, always tried.
    static let known: [(scenario: String, key: String, value: String)] = [
        ("quickstart.yaml", "workers.0.count", "9223372036854775808"),
        ("quickstart.yaml", "workers.0.count", "9223372036854775807"),
        ("quickstart.yaml", "service_level", "1e308"),
        ("quickstart.yaml", "service_level", "9223372036854775808"),
        ("quickstart.yaml", "service_level", "1e19"),
        ("quickstart.yaml", "horizon", "1e12h"),
        ("quickstart.yaml", "interval", "0.001s"),
        ("quickstart.yaml", "workers.0.count", "100000000"),
        ("quickstart.yaml", "arrivals.0.rate", "1e12/h"),
    ]

    /// How many random mutants per scenario, besides the known cases.
    static let mutantsPerScenario = 400

    @Test func mutantsNeverCrash() throws {
        var random = RandomStream(seed: 13, replication: 0, name: "fuzz")
        var mutants: [(path: String, text: String, override: Override, known: Bool)] = []
        var texts: [String: String] = [:]
        for name in Self.scenarios {
            let path = Fixtures.shippedScenario(name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            texts[name] = text
            let root = try #require(try DocumentComposer.compose(text) { .file(path, line: $0, column: $1) })
            let keys = Self.keyPaths(root, prefix: "").filter(Override.isValidKeyPath)
            try #require(!keys.isEmpty)
            for _ in 0..<Self.mutantsPerScenario {
                let key = keys[Int(random.uniform() * Double(keys.count))]
                let value = Self.values[Int(random.uniform() * Double(Self.values.count))]
                mutants.append((path, text, Override(keyPath: key, value: value), false))
            }
        }
        for known in Self.known {
            let override = Override(keyPath: known.key, value: known.value)
            mutants.append((Fixtures.shippedScenario(known.scenario), try #require(texts[known.scenario]), override, true))
        }
        var accepted = 0
        var refused = 0
        for mutant in mutants {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(text: mutant.text, path: mutant.path, overrides: [mutant.override])
            } catch {
                #expect(!error.errors.isEmpty)
                refused += 1
                continue
            }
            accepted += 1
            #expect(!mutant.known, "a case that crashed before must be refused: \(mutant.override.keyPath)=\(mutant.override.value)")
            var simulation = Simulation(spec: Self.shortened(scenario.spec))
            let result = simulation.run(sink: RecordBuffer(), recordEvents: true)
            #expect(result.endTime >= 0)
        }
        print("fuzz: \(mutants.count) mutants of \(Self.scenarios.count) scenarios: \(accepted) accepted and run, "
            + "\(refused) refused, 0 crashes")
        #expect(accepted + refused == mutants.count)
        #expect(accepted > 0 && refused > 0)
    }

    /// Every key path of `node` (maps by key, lists by index), inner nodes included.
    static func keyPaths(_ node: DocumentNode, prefix: String) -> [String] {
        let children: [(String, DocumentNode)]
        switch node.content {
        case .scalar: return []
        case .sequence(let items): children = items.enumerated().map { (String($0), $1) }
        case .mapping(let entries): children = entries.map { ($0.key, $0.value) }
        }
        return children.flatMap { key, child in
            let path = prefix.isEmpty ? key : prefix + "." + key
            return [path] + keyPaths(child, prefix: path)
        }
    }

    /// `spec` made quick to run: a horizon of at most two hours, at most 20 workers a group,
    /// and about 100 arrivals a stream at most.
    static func shortened(_ spec: SimulationSpec) -> SimulationSpec {
        var spec = spec
        spec.horizon = min(spec.horizon, 7200)
        spec.warmup = min(spec.warmup, spec.horizon / 2)
        for g in spec.workerGroups.indices { spec.workerGroups[g].count = min(spec.workerGroups[g].count, 20) }
        for s in spec.arrivals.indices {
            switch spec.arrivals[s].process {
            case .poisson(let rate):
                spec.arrivals[s].process = .poisson(ratePerSecond: min(rate, 100 / spec.horizon))
            case .profile(let every, let volumes):
                let total = volumes.reduce(0, +)
                let scale = total > 100 ? 100 / total : 1
                spec.arrivals[s].process = .profile(every: every, volumes: volumes.map { $0 * scale })
            case .times, .trace:
                break
            }
        }
        return spec
    }
}
