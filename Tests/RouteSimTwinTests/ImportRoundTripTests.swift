import Foundation
import RouteSim
import RouteSimScenario
import Testing

/// A workspace built through the API, read back with `GET`, loads with the `taskrouter:`
/// import and simulates in batch with the capacities and availability its worker channels had.
@Suite struct ImportRoundTripTests {
    /// Writes the JSON of `answer`'s body to the export file `name` in `folder`.
    func save(_ answer: TwinClient.Answer, as name: String, in folder: URL) throws {
        let json = try #require(answer.json)
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: folder.appendingPathComponent(name))
    }

    /// The most tasks in `tasks` that a worker held at once, counting a task from its
    /// assignment to its completion.
    func mostAtOnce(_ tasks: [TaskRecord]) -> Int {
        let changes = tasks.compactMap { task in task.assignedAt.map { ($0, 1) } }
            + tasks.compactMap { task in task.assignedAt == nil ? nil : task.completedAt.map { ($0, -1) } }
        var held = 0
        var most = 0
        // At one instant, a task ends before the next starts.
        for change in changes.sorted(by: { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }) {
            held += change.1
            most = max(most, held)
        }
        return most
    }

    @Test func resourcesReadBackImportAndSimulateWithTheirChannels() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routesim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("Round Trip", [("Template", "FIFO")])
            let base = "/v1/Workspaces/\(workspace)"
            let available = try #require(try await twin.send(.get, "\(base)/Activities?FriendlyName=Available")
                .items("activities").first?["sid"] as? String)
            var workers: [String: String] = [:]
            for name in ["Ana", "Ben"] {
                let answer = try await twin.send(.post, "\(base)/Workers", [("FriendlyName", name), ("ActivitySid", available)])
                workers[name] = try #require(answer["sid"] as? String)
            }
            let ana = try #require(workers["Ana"]), ben = try #require(workers["Ben"])
            #expect(try await twin.send(.post, "\(base)/Workers/\(ana)/Channels/chat", [("Capacity", "3")]).status == 200)
            #expect(try await twin.send(.post, "\(base)/Workers/\(ben)/Channels/sms", [("Available", "false")]).status == 200)
            try save(try await twin.send(.get, base), as: "workspace.json", in: folder)
            for (file, path) in [
                ("activities", "Activities"), ("task_channels", "TaskChannels"), ("task_queues", "TaskQueues"),
                ("workflows", "Workflows"), ("workers", "Workers"),
            ] {
                try save(try await twin.send(.get, "\(base)/\(path)?PageSize=1000"), as: file + ".json", in: folder)
            }
            try save(try await twin.send(.get, "\(base)/Workers/\(ana)/Channels"), as: "ana-channels.json", in: folder)
            try save(try await twin.send(.get, "\(base)/Workers/\(ben)/Channels"), as: "ben-channels.json", in: folder)
        }
        let scenario = """
            name: round-trip
            horizon: 2h
            taskrouter:
              workspace: workspace.json
              activities: activities.json
              task_channels: task_channels.json
              task_queues: task_queues.json
              workflows: workflows.json
              workers: workers.json
              worker_channels: [ana-channels.json, ben-channels.json]
            arrivals:
              - {name: chats, channel: chat, rate: 60/h, handle_time: 30m}
              - {name: texts, channel: sms, rate: 20/h, handle_time: 2m}
            """
        try scenario.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let spec = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path).spec

        let channels = spec.workspace.taskChannels.map(\.uniqueName)
        let chat = try #require(channels.firstIndex(of: "chat")), sms = try #require(channels.firstIndex(of: "sms"))
        let names = spec.makeWorkers().map(\.friendlyName)
        #expect(names == ["Ana", "Ben"])
        var simulation = Simulation(spec: spec)
        let rows = RecordBuffer()
        _ = simulation.run(sink: rows)
        let tasks = rows.rows.tasks
        let anaChats = tasks.filter { $0.channel == chat && $0.worker == 0 }
        let benChats = tasks.filter { $0.channel == chat && $0.worker == 1 }
        #expect(mostAtOnce(anaChats) == 3)
        #expect(mostAtOnce(benChats) == 1)
        let texts = tasks.filter { $0.channel == sms && $0.worker != nil }
        #expect(!texts.isEmpty)
        #expect(texts.allSatisfy { $0.worker == 0 })
    }
}
