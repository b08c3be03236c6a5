import ArgumentParser
import Foundation
import RouteSim
import RouteSimStore

/// `routesim stats RESULTS.sqlite`: one TaskRouter-shaped statistics document of a run.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print a run's TaskRouter statistics: the workspace's, or one queue's, workflow's or worker's.",
        discussion: """
            Cumulative statistics cover the run after the warm-up (TaskRouter's CumulativeStatistics); \
            --realtime prints the snapshots taken at every interval boundary (RealTimeStatistics), --at the one \
            at or before a time.
            """
    )

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
        guard let runId = try runID ?? store.lastRunID() else {
            throw StatsError(problem: "\(database): the file holds no run")
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
}
