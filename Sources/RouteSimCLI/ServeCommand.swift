import ArgumentParser
import Foundation
import RouteSimScenario
import RouteSimStore
import RouteSimTwin

/// `routesim serve`: the TaskRouter twin, TaskRouter's REST API over simulated workspaces.
struct ServeCommand: AsyncParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve TaskRouter's REST API over simulated workspaces (the TaskRouter twin).",
        discussion: """
            Starts an account on a simulated clock; clients create workspaces and their \
            resources as on TaskRouter (docs/twin.md lists the endpoints). With a scenario, the \
            account starts with its workspace, whose callers, agents, shifts and answer behaviour \
            run on the clock while clients act on the same workspace. Prints the base URL and \
            the credentials, and serves until Ctrl-C. With --out, the session's runs go to a \
            results file when it stops and on POST /routesim/v1/Snapshot.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Serve on 127.0.0.1:8080 with a manual clock and new credentials", "routesim serve"),
        ("A scenario's workspace on a free port, its callers and agents running 60 times faster than the wall clock",
         "routesim serve scenarios/quickstart.yaml --port 0 --clock realtime --speed 60 --auth-token secret"),
        ("Stop by itself after 100 requests or 30 seconds, and keep the session's tasks, reservations and events for routesim report and export",
         "routesim serve --port 0 --max-requests 100 --max-seconds 30 --out results/twin.sqlite"),
    ]

    @Argument(help: "A scenario whose workspace, callers and agents the account starts with (default: none).")
    var scenario: String?

    @Option(help: "The address to listen on; 127.0.0.1 answers this machine only.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one, which the printed URL shows.")
    var port = 8080

    @Option(help: "How simulated time moves: `manual` (only on POST /routesim/v1/Clock) or `realtime` (with the wall clock, at --speed).")
    var clock: ServeClock = .manual

    @Option(help: "Simulated seconds per wall-clock second with --clock realtime (default: 1).")
    var speed: Double?

    @Option(help: "The account SID clients authenticate with, AC and 32 hex digits (default: a new one).")
    var accountSid: String?

    @Option(help: "The auth token clients authenticate with (default: 32 new hex digits).")
    var authToken: String?

    @Option(parsing: .unconditional, help: "The seed the SIDs derive from (default: 1).", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(help: "Stop after answering this many requests.")
    var maxRequests: Int?

    @Option(help: "Stop after this many wall-clock seconds.")
    var maxSeconds: Double?

    @Option(help: "A results file to write the session's runs to when the server stops and on POST /routesim/v1/Snapshot (runs already in it are kept).")
    var out: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port: expected 0 to 65535, found \(port)") }
        if let speed {
            guard clock == .realtime else { throw ValidationError("--speed: only with --clock realtime") }
            guard speed.isFinite, speed > 0 else { throw ValidationError("--speed: expected a number above 0, found \(speed)") }
        }
        if let accountSid, !TwinCredentials.isAccountSid(accountSid) {
            throw ValidationError("--account-sid: expected AC and 32 hex digits, found \"\(accountSid)\"")
        }
        if let authToken, authToken.isEmpty { throw ValidationError("--auth-token: expected a token, found an empty string") }
        if let maxRequests, maxRequests < 1 { throw ValidationError("--max-requests: expected 1 or more, found \(maxRequests)") }
        if let maxSeconds { guard maxSeconds.isFinite, maxSeconds > 0 else { throw ValidationError("--max-seconds: expected a number above 0, found \(maxSeconds)") } }
    }

    func run() async throws {
        let generated = TwinCredentials.generated()
        let credentials = TwinCredentials(
            accountSid: accountSid ?? generated.accountSid, authToken: authToken ?? generated.authToken)
        let mode: TwinClockMode = clock == .realtime ? .realtime(speed: speed ?? 1) : .manual
        let loaded = try scenario.map { path throws(ScenarioErrors) in try ScenarioLoader.load(path: path) }
        let spec = loaded?.spec
        let output = try out.map { path throws(StoreError) in try SessionFile(path: path) }
        let start = spec?.start.flatMap { try? Date($0 + "Z", strategy: Date.ISO8601FormatStyle()) }
        let twinClock = TwinClock(start: start ?? TwinClock.defaultStart, mode: mode)
        let twin = Twin(credentials: credentials, clock: twinClock, seed: seed, output: output, version: RouteSimVersion.current)
        let workspace = if let loaded { await twin.addScenario(loaded.spec, assignmentCallbacks: loaded.assignmentCallbacks) } else { String?.none }
        let scenarioLine = spec.map { "  workspace:   \(workspace ?? "") (scenario \($0.name))\n" } ?? ""
        let outLine = out.map { "  results:     \($0) (on stop and on POST /routesim/v1/Snapshot)\n" } ?? ""
        let server = TwinServer(twin: twin, host: host, port: port, maxRequests: maxRequests, maxSeconds: maxSeconds)
        let clockLine = switch mode {
        case .manual: "manual: it moves on POST /routesim/v1/Clock (Advance=SECONDS or Until=SECONDS)"
        case .realtime(let speed): "realtime: \(speed) simulated seconds per second"
        }
        do {
            try await server.run { baseURL in
                // Written at once, unbuffered: a test reads the URL from a pipe while the server runs.
                FileHandle.standardOutput.write(Data("""
                    routesim serve: TaskRouter twin at \(baseURL)
                      base URL:    \(baseURL)
                      account SID: \(credentials.accountSid)
                      auth token:  \(credentials.authToken)
                      clock:       \(clockLine); time 0 is \(twinClock.date(at: 0))
                      live view:   \(baseURL)/ in a browser, signed in with the account SID and auth token
                    \(scenarioLine)\(outLine)Ctrl-C stops it.

                    """.utf8))
            }
        } catch {
            throw ServeError(address: "\(host):\(port)", reason: "\(error)")
        }
        if let out {
            do {
                guard case .array(let runs) = try await twin.snapshot()["runs"] else { return }
                print("routesim serve: wrote \(runs.count) run\(runs.count == 1 ? "" : "s") of the session to \(out)")
            } catch {
                throw ServeSnapshotError(path: out, reason: error.message)
            }
        }
    }
}
