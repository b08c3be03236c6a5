import Foundation
import RouteSim
import RouteSimScenario
import RouteSimTwin
import Testing

/// The statistics of a scenario's workspace served by the twin against the same scenario's
/// batch run: over the whole run, the twin's cumulative documents, counted from its event
/// log, are the run's, counted as the engine went.
@Suite struct ScenarioStatisticsTests {
    /// The fields two documents of the same window share: everything but where they are
    /// served from and how the window is written.
    static func comparable(_ json: [String: Any]) -> NSDictionary {
        var fields = json
        for key in ["account_sid", "url", "start_time", "end_time"] { fields[key] = nil }
        return fields as NSDictionary
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theTwinsCumulativeDocumentsOfAWholeRunAreTheBatchRunsDocuments() async throws {
        let spec = try ScenarioLoader.load(text: ScenarioWorkspaceTests.scenario, path: "served.yaml").spec
        var simulation = Simulation(spec: spec)
        let result = simulation.run()
        let batch = result.statistics.filter { $0.scope == .cumulative }
        #expect(batch.count == 6, "the workspace, one queue, one workflow, three workers")

        let twin = Twin(credentials: TwinClient.credentials)
        let workspace = await twin.addScenario(spec)
        try await TwinClient.withTwin(twin) { client in
            _ = try await client.send(.post, "/routesim/v1/Clock", [("Until", String(result.endTime))])
            let base = "/v1/Workspaces/\(workspace)"
            let window = "?Minutes=43200&SplitByWaitTime=\(Int(spec.serviceLevel))"
            for document in batch {
                let path = switch document.kind {
                case .workspace: base + "/CumulativeStatistics"
                case .taskQueue: base + "/TaskQueues/\(document.sid)/CumulativeStatistics"
                case .workflow: base + "/Workflows/\(document.sid)/CumulativeStatistics"
                case .worker: base + "/Workers/\(document.sid)/CumulativeStatistics"
                }
                let served = try await client.send(.get, path + window)
                let expected = try Self.parse(document.json)
                let counted: Int = expected["tasks_entered"] as? Int ?? expected["reservations_created"] as? Int ?? 0
                #expect(counted > 0, "\(document.kind) \(document.name) counts something")
                let answer = Self.comparable(try #require(served.json))
                #expect(answer == Self.comparable(expected), "\(document.kind) \(document.name)")
            }
        }
    }
}
