import Foundation

/// The command line of `routesim-bench` (hand-parsed: the harness has no dependencies
/// besides routesim itself).
struct Options {
    /// Callers per routesim case (sets each scenario's horizon to callers / arrival rate).
    var callers = 1_000_000
    /// Callers of the SimPy peer; nil: min(callers, 200,000).
    var simpyCallers: Int?
    /// The cases to run, in the order given.
    var cases: [BenchCase] = BenchCase.defaultOrder
    /// How many times each case runs (each in a fresh child process).
    var repeats = 1
    /// JSON on stdout instead of the table.
    var json = false
    /// Also write the JSON to this file (the table still goes to stdout).
    var jsonOut: String?
    /// The repository root (holds scenarios/bench and Benchmarks/peers).
    var root: String = Options.defaultRoot
    /// A scenario file replacing the one of every routesim case selected (scaling runs).
    var scenario: String?
    /// `--set KEY=VALUE` overrides applied to every routesim case, before the horizon.
    var overrides: [String] = []
    /// The Python interpreter for the SimPy peer.
    var python = "python3"
    /// Run seed of the routesim cases and of the SimPy peer.
    var seed: UInt64 = 1

    /// Internal: run one case in this process and print its JSON (`--child CASE`).
    var child: BenchCase?

    /// The repository root, found from this source file: Benchmarks/Sources/routesim-bench/.
    static var defaultRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static let usage = """
        USAGE: routesim-bench [--callers N] [--simpy-callers N] [--cases a,b,c,d,e,simpy] [--repeat K] [--json] [--json-out FILE]
                              [--scenario FILE] [--set KEY=VALUE ...] [--seed N] [--python PATH] [--root DIR]

        Runs routesim's benchmark cases, each in a child process of its own, and the SimPy peer.
          a       scenarios/bench/mm100.yaml, --record summary (M/M/100+M)
          b       the same, --record tasks (task, reservation and activity rows into a temporary SQLite file)
          c       scenarios/bench/skills.yaml, --record summary (10,000 agents, 50 skills, 50 queues)
          d       scenarios/bench/chat.yaml, --record summary (1,000 chat agents, capacity 3, beta 0.25)
          e       scenarios/bench/mm100-plain.yaml, --record summary ((a) written plain: template FIFO, workers without channels:)
          simpy   Benchmarks/peers/mm100_simpy.py, the model of (a) in SimPy

        OPTIONS:
          --callers N        callers per routesim case; each horizon becomes N / total arrival rate (default 1000000)
          --simpy-callers N  callers of the SimPy run (default: the smaller of --callers and 200000)
          --cases LIST       comma-separated cases to run (default a,b,c,d,e,simpy)
          --repeat K         run every case K times, report the best and the spread (default 1)
          --json             print JSON instead of the table
          --json-out FILE    also write the JSON to FILE
          --scenario FILE    use FILE instead of the case's scenario (for scaling runs)
          --set KEY=VALUE    override a scenario key in every routesim case (repeatable), as `routesim run --set`
          --seed N           run seed (default 1)
          --python PATH      Python interpreter for the SimPy peer (default python3)
          --root DIR         repository root (default: found from this source file)
          --child CASE       run one routesim case in this process and print its JSON (what the
                             parent spawns for each run; scripts/callgrind.sh profiles it)
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        func count(_ flag: String) throws -> Int {
            let text = try value(flag).replacingOccurrences(of: "_", with: "")
            if let n = Int(text), n > 0 { return n }
            if let d = Double(text), d >= 1, d <= 1e12, d == d.rounded() { return Int(d) }
            throw UsageError("\(flag) needs a whole number > 0, found \"\(text)\"")
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--callers": options.callers = try count(argument)
            case "--simpy-callers": options.simpyCallers = try count(argument)
            case "--repeat": options.repeats = try count(argument)
            case "--json": options.json = true
            case "--json-out": options.jsonOut = try value(argument)
            case "--root": options.root = try value(argument)
            case "--scenario": options.scenario = try value(argument)
            case "--set": options.overrides.append(try value(argument))
            case "--python": options.python = try value(argument)
            case "--seed":
                let text = try value(argument)
                guard let seed = UInt64(text) else { throw UsageError("--seed needs a whole number, found \"\(text)\"") }
                options.seed = seed
            case "--cases":
                options.cases = try value(argument).split(separator: ",").map {
                    let name = $0.trimmingCharacters(in: .whitespaces)
                    guard let c = BenchCase(rawValue: name) else {
                        throw UsageError("unknown case \"\(name)\"; expected a, b, c, d or simpy")
                    }
                    return c
                }
            case "--child":
                let name = try value(argument)
                guard let c = BenchCase(rawValue: name), c != .simpy else { throw UsageError("bad --child \(name)") }
                options.child = c
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                throw UsageError("unknown argument \"\(argument)\"")
            }
        }
        return options
    }

    /// Callers of the SimPy run.
    var effectiveSimpyCallers: Int { simpyCallers ?? min(callers, 200_000) }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
