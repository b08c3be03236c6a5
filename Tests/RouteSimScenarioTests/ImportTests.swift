import Foundation
import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// `taskrouter:` imports TaskRouter's REST API responses in place of the scenario's sections.
struct ImportTests {
    /// Shorthand for a fixture SID.
    static func sid(_ prefix: String, _ number: Int) -> String {
        TaskRouterFixtures.sid(prefix, number)
    }

    @Test func workspaceKeepsItsFieldsAndSid() throws {
        let workspace = try TaskRouterFixtures.load(TaskRouterFixtures.scenario()).spec.workspace
        #expect(workspace.sid == Self.sid("WS", 1))
        #expect(workspace.friendlyName == "Imported Center")
        #expect(!workspace.multiTaskEnabled)
        #expect(workspace.template == .none)
        #expect(workspace.prioritizeQueueOrder == .lifo)
        #expect(workspace.defaultActivity == 0)
        #expect(workspace.timeoutActivity == 2)
        #expect(workspace.eventsFilter == ["task.created", "task.canceled"])
    }

    @Test func activitiesAndChannelsKeepTheirSids() throws {
        let workspace = try TaskRouterFixtures.load(TaskRouterFixtures.scenario()).spec.workspace
        #expect(workspace.activities == [
            Activity(sid: Self.sid("WA", 1), friendlyName: "Offline", available: false),
            Activity(sid: Self.sid("WA", 2), friendlyName: "Ready", available: true),
            Activity(sid: Self.sid("WA", 3), friendlyName: "Away", available: false),
        ])
        let channels = workspace.taskChannels
        #expect(channels.map(\.uniqueName) == ["default", "voice", "sms", "chat", "video", "email"])
        #expect(channels.map(\.friendlyName) == ["Default", "Voice", "SMS", "Web Chat", "Video", "Email"])
        #expect(channels.map(\.channelOptimizedRouting) == [true, true, true, false, true, true])
        let generated = SidGenerator(seed: 1)
        #expect(channels.map(\.sid) == [
            Self.sid("TC", 1), Self.sid("TC", 2), generated.sid(.taskChannel, 2), Self.sid("TC", 3),
            generated.sid(.taskChannel, 4), Self.sid("TC", 6),
        ])
    }

    @Test func queuesFromABareList() throws {
        let queues = try TaskRouterFixtures.load(TaskRouterFixtures.scenario()).spec.workspace.taskQueues
        #expect(queues == [
            TaskQueue(
                sid: Self.sid("WQ", 1), friendlyName: "Sales",
                targetWorkers: try Expression.parse(#"skills HAS "sales""#, scope: .attributes), maxReservedWorkers: 2,
                assignmentActivity: 2),
            TaskQueue(sid: Self.sid("WQ", 2), friendlyName: "Support", targetWorkers: .always, taskOrder: .lifo),
        ])
    }

    @Test func configurationRoutesByQueueSids() throws {
        let spec = try TaskRouterFixtures.load(TaskRouterFixtures.scenario()).spec
        let workflow = try #require(spec.workspace.workflows.first)
        #expect(spec.workspace.workflows.count == 1)
        #expect(workflow.sid == Self.sid("WW", 1))
        #expect(workflow.friendlyName == "Inbound")
        #expect(workflow.taskReservationTimeout == 45)
        #expect(workflow.filters.map(\.friendlyName) == ["Sales"])
        #expect(workflow.filters[0].targets == [
            WorkflowTarget(queue: 0, timeout: 30), WorkflowTarget(queue: 1, priority: 5),
        ])
        #expect(workflow.defaultFilter == WorkflowTarget(queue: 1))
        #expect(spec.arrivals[0].workflow == 0)
    }

    @Test func workersKeepTheirNamesAndSids() throws {
        let spec = try TaskRouterFixtures.load(TaskRouterFixtures.scenario()).spec
        #expect(spec.workerGroups.map(\.name) == ["alice", "bob"])
        #expect(spec.workerGroups.map(\.count) == [1, 1])
        #expect(spec.workerGroups.map(\.activity) == [1, 2])
        #expect(spec.workerGroups[0].attributes == .object(["skills": .array([.string("sales")]), "level": .number(3)]))
        #expect(spec.workerGroups[1].attributes == .emptyObject)
        #expect(spec.workerGroups.map(\.capacities) == [Array(repeating: 1, count: 6), Array(repeating: 1, count: 6)])
        #expect(spec.workerGroups.allSatisfy { $0.shifts.isEmpty && $0.answer == .immediate })
        let workers = spec.makeWorkers()
        #expect(workers == [
            Worker(sid: Self.sid("WK", 1), friendlyName: "alice", group: 0),
            Worker(sid: Self.sid("WK", 2), friendlyName: "bob", group: 1),
        ])
    }

    @Test func importedWorkersAndWorkerChannels() throws {
        let text = TaskRouterFixtures.scenario("""
            imported_workers:
              activity: Ready
              channels: {voice: 1}
              shifts: [{start: 0, end: 1h, breaks: [{at: 30m, length: 5m, activity: Away}]}]
              answer: {no_answer: 0.1}
            worker_channels:
              bob: {voice: 1, email: 3}
            """)
        let groups = try TaskRouterFixtures.load(text).spec.workerGroups
        #expect(groups.map(\.activity) == [1, 1])
        #expect(groups.map(\.capacities) == [[0, 1, 0, 0, 0, 0], [0, 1, 0, 0, 0, 3]])
        let shift = Shift(start: 0, end: 3600, breaks: [ShiftBreak(at: 1800, length: 300, activity: 2)])
        #expect(groups.map(\.shifts) == [[shift], [shift]])
        #expect(groups.map(\.answer.noAnswer) == [0.1, 0.1])
    }

    @Test func pagesAreReadInOrder() throws {
        let first = #"""
            {"meta": \#(TaskRouterFixtures.meta("workers", next: "https://taskrouter.twilio.com/v1/Workspaces/WS/Workers?PageToken=PT1")),
             "workers": [{"friendly_name": "alice", "sid": "\#(Self.sid("WK", 1))"}]}
            """#
        let second = #"[{"friendly_name": "carol", "sid": "\#(Self.sid("WK", 3))", "attributes": "{\"level\": 2}"}]"#
        let text = TaskRouterFixtures.scenario().replacingOccurrences(
            of: "workers: workers.json", with: "workers: [workers-0.json, workers-1.json]")
        let spec = try TaskRouterFixtures.load(text, files: ["workers-0.json": first, "workers-1.json": second]).spec
        #expect(spec.makeWorkers().map(\.friendlyName) == ["alice", "carol"])
        #expect(spec.makeWorkers().map(\.sid) == [Self.sid("WK", 1), Self.sid("WK", 3)])
        #expect(spec.workerGroups[1].attributes == .object(["level": .number(2)]))
    }

    @Test func anySubsetMayBeImported() throws {
        let text = """
            name: partial
            horizon: 1h
            taskrouter: {task_queues: task_queues.json}
            workflows:
              - friendly_name: W
                configuration: {task_routing: {default_filter: {queue: \(Self.sid("WQ", 2))}}}
            workers: [{group: g, count: 2, activity: Available}]
            arrivals: [{name: a, rate: 1/m, handle_time: 1m}]
            """
        let errors = try TaskRouterFixtures.errors(text)
        #expect(errors == [
            #"task_queues.json:3:33: [0].assignment_activity_name: unknown activity "Away"; expected one of: Offline, Available, Unavailable"#
        ])
        let queues = #"[{"friendly_name": "Support", "sid": "\#(Self.sid("WQ", 2))", "target_workers": "1==1"}]"#
        let spec = try TaskRouterFixtures.load(text, files: ["task_queues.json": queues]).spec
        #expect(spec.workspace.taskQueues.map(\.sid) == [Self.sid("WQ", 2)])
        #expect(spec.workspace.workflows[0].defaultFilter == WorkflowTarget(queue: 0))
        #expect(spec.workspace.activities.map(\.friendlyName) == ["Offline", "Available", "Unavailable"])
        #expect(spec.makeWorkers().map(\.friendlyName) == ["g-001", "g-002"])
    }

    @Test func twilioCLIOutputIsCamelCase() throws {
        let workspace = #"""
            [{"accountSid": "\#(Self.sid("AC", 1))", "friendlyName": "From the CLI", "sid": "\#(Self.sid("WS", 2))",
              "multiTaskEnabled": true, "defaultActivityName": "Offline", "timeoutActivityName": "Unavailable",
              "prioritizeQueueOrder": "LIFO", "eventsFilter": null, "dateCreated": "2023-02-06T14:21:00.000Z"}]
            """#
        let queues = #"""
            [{"friendlyName": "Sales", "sid": "\#(Self.sid("WQ", 1))", "targetWorkers": "level >= 2", "taskOrder": "LIFO",
              "maxReservedWorkers": 3, "reservationActivityName": null, "assignmentActivitySid": null}]
            """#
        let workers = #"""
            [{"friendlyName": "zoe", "sid": "\#(Self.sid("WK", 9))", "activityName": "Available", "attributes": "{\"level\":2}"}]
            """#
        let text = """
            name: cli
            horizon: 1h
            taskrouter: {workspace: ws.json, task_queues: queues.json, workers: workers.json}
            workflows:
              - friendly_name: W
                configuration: {task_routing: {default_filter: {queue: \(Self.sid("WQ", 1))}}}
            arrivals: [{name: a, rate: 1/m, handle_time: 1m}]
            """
        let spec = try TaskRouterFixtures.load(
            text, files: ["ws.json": workspace, "queues.json": queues, "workers.json": workers]).spec
        #expect(spec.workspace.sid == Self.sid("WS", 2))
        #expect(spec.workspace.friendlyName == "From the CLI")
        #expect(spec.workspace.prioritizeQueueOrder == .lifo)
        #expect(spec.workspace.timeoutActivity == 2)
        #expect(spec.workspace.taskQueues == [
            TaskQueue(
                sid: Self.sid("WQ", 1), friendlyName: "Sales", targetWorkers: try Expression.parse("level >= 2", scope: .attributes),
                taskOrder: .lifo, maxReservedWorkers: 3)
        ])
        #expect(spec.makeWorkers() == [Worker(sid: Self.sid("WK", 9), friendlyName: "zoe", group: 0)])
        #expect(spec.workerGroups[0].activity == 1)
        #expect(spec.workerGroups[0].attributes == .object(["level": .number(2)]))
    }

    @Test func overridesReachImportedResources() throws {
        let spec = try TaskRouterFixtures.load(
            TaskRouterFixtures.scenario(), files: ["queues-next.json": TaskRouterFixtures.taskQueues],
            overrides: [
                Override(keyPath: "task_queues.Sales.max_reserved_workers", value: "5"),
                Override(keyPath: "workers.bob.count", value: "0"),
                Override(keyPath: "taskrouter.task_queues", value: "queues-next.json"),
            ]).spec
        #expect(spec.workspace.taskQueues[0].maxReservedWorkers == 5)
        #expect(spec.makeWorkers().map(\.friendlyName) == ["alice"])
    }

    @Test func shippedExampleLoadsAndKeepsProductionSids() throws {
        let path = Fixtures.shippedScenario("imported/production-day.yaml")
        let scenario = try ScenarioLoader.load(path: path)
        let spec = scenario.spec
        #expect(spec.workspace.friendlyName == "Acme Support")
        #expect(spec.workspace.taskQueues.map(\.friendlyName) == ["Support EN", "Support ES", "Billing", "Escalations"])
        #expect(spec.workspace.taskQueues.allSatisfy { $0.sid.hasPrefix("WQ") && $0.sid.count == 34 })
        let escalation = spec.workspace.workflows[0].filters[0].targets.map(\.queue)
        #expect(escalation == [1, 0, 3])
        #expect(spec.makeWorkers().count == 8)
        #expect(spec.makeWorkers().allSatisfy { !$0.friendlyName.hasSuffix("-001") })
        #expect(spec.workerGroups.allSatisfy { $0.activity == spec.workspace.activityIndex(named: "Available") })
        for variant in scenario.variants {
            _ = try ScenarioLoader.load(path: path, overrides: variant.overrides)
        }
    }
}
