import Foundation
import RouteSimScenario
import RouteSimTwin
import Testing

/// `routesim serve SCENARIO`: a scenario's workspace whose callers and agents run on the
/// twin's clock beside the API's clients.
@Suite struct ScenarioWorkspaceTests {
    static let scenario = """
        name: served
        horizon: 2h
        seed: 3
        workspace: {friendly_name: Served}
        task_queues:
          - {friendly_name: Support, target_workers: 'skills HAS "support"'}
        workflows:
          - friendly_name: Inbound
            configuration:
              task_routing:
                filters: [{expression: 'vip == true', targets: [{queue: Support, priority: 10}]}]
                default_filter: {queue: Support}
        workers:
          - {group: agents, count: 3, attributes: {skills: [support]}, channels: {voice: 1}, activity: Available}
        arrivals:
          - {name: calls, channel: voice, rate: 60/h, handle_time: 4m}
        api_tasks:
          voice: {handle_time: 100s}
        """

    @Test func theScenariosCallersAndAgentsRunAndAPITasksJoinThem() async throws {
        let spec = try ScenarioLoader.load(text: Self.scenario, path: "served.yaml").spec
        let twin = Twin(credentials: TwinClient.credentials)
        let workspace = await twin.addScenario(spec)
        #expect(workspace == spec.workspace.sid)
        try await TwinClient.withTwin(twin) { client in
            let workers = try await client.send(.get, "/v1/Workspaces/\(workspace)/Workers")
            #expect(workers.items("workers").map { $0["friendly_name"] as? String } == ["agents-001", "agents-002", "agents-003"])
            #expect(workers.items("workers").allSatisfy { $0["activity_name"] as? String == "Available" })
            let workflow = try await client.send(.get, "/v1/Workspaces/\(workspace)/Workflows")
            let configuration = try #require(workflow.items("workflows").first?["configuration"] as? String)
            #expect(configuration.contains(#""expression":"vip == true""#))

            _ = try await client.send(.post, "/routesim/v1/Clock", [("Until", "1800")])
            let tasks = try await client.send(.get, "/v1/Workspaces/\(workspace)/Tasks?PageSize=1000")
            #expect(tasks.items("tasks").count > 10, "the scenario's callers arrived")
            #expect(tasks.items("tasks").contains { $0["assignment_status"] as? String == "completed" })

            let created = try await client.send(.post, "/v1/Workspaces/\(workspace)/Tasks", [
                ("Attributes", #"{"vip":true}"#), ("TaskChannel", "voice"),
            ])
            #expect(created.status == 201)
            #expect(created["priority"] as? Int == 10, "the filter's target set the priority")
            let sid = try #require(created["sid"] as? String)
            _ = try await client.send(.post, "/routesim/v1/Clock", [("Advance", "3600")])
            let done = try await client.send(.get, "/v1/Workspaces/\(workspace)/Tasks/\(sid)")
            #expect(done["assignment_status"] as? String == "completed", "a synthetic agent worked it for api_tasks' 100 s")

            let refused = try await client.send(.post, "/v1/Workspaces/\(workspace)/Activities", [("FriendlyName", "More")])
            #expect(refused.status == 400 && refused.code == 20001)
        }
    }
}
