import RouteSim
import Testing
import RouteSimTwin

/// The typed configuration a twin workspace keeps, and its conversion to the engine's model.
@Suite struct TwinWorkspaceTests {
    func parameters(_ pairs: (String, String)...) -> TwinParameters {
        TwinParameters(pairs.map { (name: $0.0, value: $0.1) })
    }

    @Test func makeWorkspaceGivesTheEnginesModel() throws {
        var workspace = try TwinWorkspace(
            sid: "WS" + String(repeating: "1", count: 32), seed: 7,
            parameters: parameters(("FriendlyName", "Center"), ("Template", "FIFO"), ("PrioritizeQueueOrder", "LIFO")), at: 0)
        let spanish = try workspace.create(.taskQueues, parameters(("FriendlyName", "Spanish"), ("TargetWorkers", "language == 'es'")))
        let spanishSid = workspace.taskQueues[spanish].resource.sid
        let configuration = """
            {"task_routing":{"filters":[{"expression":"lang == 'es'","targets":[{"queue":"\(spanishSid)","timeout":20}]}],\
            "default_filter":{"queue":"Sample Queue"}}}
            """
        _ = try workspace.create(.workflows, parameters(("FriendlyName", "Language"), ("Configuration", configuration)))
        let model = workspace.makeWorkspace()
        #expect(model.friendlyName == "Center" && model.template == .fifo && model.prioritizeQueueOrder == .lifo)
        #expect(model.activities.map(\.friendlyName) == ["Offline", "Available", "Unavailable"])
        #expect(model.taskChannels.map(\.uniqueName) == ["default", "voice", "sms", "chat", "video"])
        #expect(model.taskQueues.map(\.friendlyName) == ["Sample Queue", "Spanish"])
        #expect(model.taskQueues[1].targetWorkers.evaluate(ExpressionContext(attributes: ["language": "es"])))
        #expect(!model.taskQueues[1].targetWorkers.evaluate(ExpressionContext(attributes: ["language": "en"])))
        #expect(model.workflows.map(\.friendlyName) == ["Default Fifo Workflow", "Language"])
        #expect(model.workflows[1].filters.first?.targets.first?.queue == 1)
        #expect(model.workflows[1].filters.first?.targets.first?.timeout == 20)
        #expect(model.workflows[1].defaultFilter?.queue == 0)
    }

    @Test func deletingAResourceRenumbersWhatPointsPastIt() throws {
        var workspace = try TwinWorkspace(
            sid: "WS" + String(repeating: "2", count: 32), seed: 7, parameters: parameters(("FriendlyName", "W")), at: 0)
        let first = try workspace.create(.taskQueues, parameters(("FriendlyName", "First")))
        let second = try workspace.create(.taskQueues, parameters(("FriendlyName", "Second")))
        let secondSid = workspace.taskQueues[second].resource.sid
        _ = try workspace.create(.workflows, parameters(
            ("FriendlyName", "To Second"), ("Configuration", #"{"task_routing":{"default_filter":{"queue":"\#(secondSid)"}}}"#)))
        let lunch = try workspace.create(.activities, parameters(("FriendlyName", "Lunch")))
        let breakActivity = try workspace.create(.activities, parameters(("FriendlyName", "Break")))
        let worker = try workspace.create(.workers, parameters(
            ("FriendlyName", "Ann"), ("ActivitySid", workspace.activities[breakActivity].resource.sid)))

        try workspace.delete(.taskQueues, at: first)
        #expect(workspace.makeWorkspace().workflows[0].defaultFilter?.queue == 0)
        #expect(workspace.makeWorkspace().taskQueues[0].sid == secondSid)
        try workspace.delete(.activities, at: lunch)
        #expect(workspace.activities[workspace.workers[worker].resource.activity].resource.friendlyName == "Break")
        #expect(throws: TwinError.self) { try workspace.delete(.activities, at: workspace.workers[worker].resource.activity) }
    }

    @Test func aWorkerKeepsItsAttributesChannelsAndActivityTyped() throws {
        var workspace = try TwinWorkspace(
            sid: "WS" + String(repeating: "3", count: 32), seed: 7, parameters: parameters(("FriendlyName", "W")), at: 10)
        let index = try workspace.create(.workers, parameters(("FriendlyName", "Ann"), ("Attributes", #"{"skills":["a","b"],"level":4}"#)))
        let voice = try workspace.index(.taskChannels, of: "voice")
        try workspace.updateChannel(ofWorker: index, at: voice, parameters(("Capacity", "2"), ("Available", "false")))
        let worker = workspace.workers[index].resource
        #expect(worker.attributes == ["skills": ["a", "b"], "level": 4])
        #expect(worker.activity == workspace.defaultActivity)
        #expect(worker.channels.map(\.resource.capacity) == [1, 2, 1, 1, 1])
        #expect(worker.channels.map(\.resource.available) == [true, false, true, true, true])
        #expect(workspace.workers[index].created == 10)
    }
}
