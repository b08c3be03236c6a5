import ArgumentParser
import Foundation
import RouteSim
import RouteSimStore

/// `routesim stats RESULTS.sqlite`: one TaskRouter-shaped statistics document of a run.
struct StatsCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print a run's TaskRouter statistics: the workspace's, or one queue's, workflow's or worker's.",
        discussion: """
            Cumulative statistics cover the run after the warm-up (TaskRouter's CumulativeStatistics); \
            --realtime prints the snapshots taken at every interval boundary (RealTimeStatistics), --at the one \
            at or before a time.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("The workspace's cumulative statistics of the file's last run",
         "routesim stats results/quickstart.sqlite"),
        ("One queue's real-time snapshot at 4 h into run 1",
         "routesim stats results/quickstart.sqlite --run 1 --queue Support --at 14400"),
        ("One worker's cumulative statistics",
         "routesim stats results/bilingual.sqlite --worker english-001"),
    ]

    @Argument(help: "A results file written by `routesim run`.")
    var database: String

    @Option(name: .customLong("run"), help: "The run (default: the last one in the file).")
    var runID: Int64?

    @Option(help: "A task queue's friendly name.")
    var queue: String?

    @Option(help: "A worker's friendly name (workers have cumulative statistics only).")
    var worker: String?

    @Option(help: "A workflow's friendly name.")
    var workflow: String?

    @Flag(help: "The real-time snapshots instead of the cumulative statistics.")
    var realtime = false

    @Option(help: "With real-time statistics: only the snapshot at or before this time (seconds).")
    var at: Double?

    func validate() throws {
        if [queue, worker, workflow].compactMap({ $0 }).count > 1 {
            throw ValidationError("give at most one of --queue, --worker, --workflow")
        }
        if worker != nil, realtime || at != nil {
            throw ValidationError("workers have cumulative statistics only; drop --realtime/--at")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw StatsError(problem: "\(database): no such results file")
        }
        let store = try ResultStore.forReading(database)
        let runs = try store.runIDs()
        guard let runId = runID ?? runs.last else {
            throw StatsError(problem: "\(database): the file holds no run")
        }
        guard runs.contains(runId) else {
            throw StatsError(problem: "\(database): there is no run \(runId); the file holds \(Self.describe(runs))")
        }
        let (kind, name): (StatisticsDocument.Kind, String?) =
            if let queue { (.taskQueue, queue) } else if let worker { (.worker, worker) }
            else if let workflow { (.workflow, workflow) } else { (.workspace, nil) }
        let scope: StatisticsDocument.Scope = realtime || at != nil ? .realtime : .cumulative
        var documents = try store.statistics(run: runId, kind: kind.rawValue, scope: scope.rawValue, name: name)
        if let at { documents = documents.filter { $0.time <= at }.suffix(1) }
        guard !documents.isEmpty else {
            let known = try store.statisticsNames(run: runId, kind: kind.rawValue)
            let what = name.map { "\(kind.rawValue) \"\($0)\"" } ?? kind.rawValue
            throw StatsError(problem: "\(database): run \(runId) has no \(scope.rawValue) statistics for \(what)"
                + (known.isEmpty || name == nil ? "" : "; expected one of: " + known.joined(separator: ", ")))
        }
        let objects = try documents.map { stored -> Any in
            let document = try JSONSerialization.jsonObject(with: Data(stored.document.utf8))
            return ["run_id": stored.runId, "time": stored.time, "sid": stored.sid, "name": stored.name,
                    "kind": stored.kind, "scope": stored.scope, "statistics": document]
        }
        let value: Any = scope == .cumulative || at != nil ? objects[0] : objects
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Run ids as `run 1`, `runs 1-3, 7`: consecutive ids as one range.
    private static func describe(_ runs: [Int64]) -> String {
        var ranges: [ClosedRange<Int64>] = []
        for id in runs {
            if let last = ranges.last, last.upperBound + 1 == id {
                ranges[ranges.count - 1] = last.lowerBound...id
            } else {
                ranges.append(id...id)
            }
        }
        let text = ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
        return (runs.count == 1 ? "run " : "runs ") + text.joined(separator: ", ")
    }
}
