import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// What a scenario gets when it says nothing: TaskRouter's defaults and the FIFO template.
struct DefaultsTests {
    @Test func runSettingDefaults() throws {
        let spec = try Fixtures.load(Fixtures.minimal).spec
        #expect(spec.warmup == 0)
        #expect(spec.interval == 1800)
        #expect(spec.serviceLevel == 20)
        #expect(spec.seed == 1)
    }

    @Test func workspaceDefaults() throws {
        let workspace = try Fixtures.load(Fixtures.minimal).spec.workspace
        #expect(workspace.friendlyName == "minimal")
        #expect(workspace.multiTaskEnabled)
        #expect(workspace.template == .none)
        #expect(workspace.prioritizeQueueOrder == .fifo)
        #expect(workspace.eventsFilter == nil)
        #expect(workspace.activities.map(\.friendlyName) == ["Offline", "Available", "Unavailable"])
        #expect(workspace.activities.map(\.available) == [false, true, false])
        #expect(workspace.defaultActivity == 0)
        #expect(workspace.timeoutActivity == 0)
    }

    @Test func defaultChannelsAlwaysExistFirst() throws {
        let text = Fixtures.minimal + """

            task_channels:
              - email
              - {unique_name: chat, friendly_name: Web chat, channel_optimized_routing: false}
              - {unique_name: back_office}
            """
        let channels = try Fixtures.load(text).spec.workspace.taskChannels
        #expect(channels.map(\.uniqueName) == ["default", "voice", "sms", "chat", "video", "email", "back_office"])
        #expect(channels.map(\.friendlyName) == ["Default", "Voice", "SMS", "Web chat", "Video", "email", "back_office"])
        #expect(channels.map(\.channelOptimizedRouting) == [true, true, true, false, true, true, true])
        #expect(channels.map(\.sid) == (0..<7).map { SidGenerator(seed: 1).sid(.taskChannel, $0) })
    }

    @Test func capacityRule() throws {
        let text = """
            name: capacities
            horizon: 1h
            workers:
              - {group: all, count: 1}
              - {group: chatters, count: 2, channels: {chat: 3, voice: 0}}
            """
        let groups = try Fixtures.load(text).spec.workerGroups
        #expect(groups[0].capacities == [1, 1, 1, 1, 1])
        #expect(groups[1].capacities == [0, 0, 0, 3, 0])
    }

    @Test func workerChannelSwitchedOff() throws {
        let text = """
            name: channels
            horizon: 1h
            workers:
              - {group: g, count: 1, channels: {voice: 1, chat: {capacity: 2, available: false}, sms: {capacity: 1}}}
            """
        let group = try Fixtures.load(text).spec.workerGroups[0]
        #expect(group.capacities == [0, 1, 1, 2, 0])
        #expect(group.unavailableChannels == [3])
        let problems = Fixtures.errors("""
            name: channels
            horizon: 1h
            workers:
              - {group: g, count: 1, channels: {chat: {available: false, size: 2}}}
            """).map(\.description)
        #expect(problems.contains { $0.contains("size") })
        #expect(problems.contains { $0.contains("capacity") })
    }

    @Test func workerAndArrivalDefaults() throws {
        let spec = try Fixtures.load(Fixtures.minimal).spec
        let group = spec.workerGroups[0]
        #expect(group.attributes == .emptyObject)
        #expect(group.activity == 1)
        #expect(group.shifts.isEmpty)
        #expect(group.answer == .immediate)
        let stream = spec.arrivals[0]
        #expect(stream.channel == 0)
        #expect(stream.workflow == 0)
        #expect(stream.attributes == .emptyObject)
        #expect(stream.priority == 0)
        #expect(stream.timeout == 86_400)
        #expect(stream.wrapupTime == nil)
        #expect(stream.patience == nil)
        #expect(spec.multitasking == Array(repeating: .none, count: 5))
    }

    @Test func workerActivityFallsBackToFirstAvailable() throws {
        let text = Fixtures.minimal + """

            activities:
              - {friendly_name: Offline}
              - {friendly_name: Ready, available: true}
              - {friendly_name: Lunch}
            """
        let spec = try Fixtures.load(text).spec
        #expect(spec.workerGroups[0].activity == 1)
    }

    @Test func breakActivityDefaultsToUnavailable() throws {
        let spec = try Fixtures.minimal("workers.g.shifts", "[{start: 0, end: 8h, breaks: [{at: 2h, length: 15m}]}]").spec
        #expect(spec.workerGroups[0].shifts == [Shift(start: 0, end: 28_800, breaks: [ShiftBreak(at: 7200, length: 900, activity: 2)])])
    }

    @Test func answerDefaultsPerKey() throws {
        let spec = try Fixtures.minimal("workers.g.answer", "{no_answer: 0.1}").spec
        #expect(spec.workerGroups[0].answer == AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 0.1, backAfterTimeout: nil))
    }

    @Test func fifoTemplate() throws {
        let text = """
            name: fifo
            horizon: 1h
            workspace: {template: FIFO}
            workers: [{group: g, count: 1}]
            arrivals: [{name: a, rate: 1/m, handle_time: 1m}]
            """
        let spec = try Fixtures.load(text).spec
        let sids = SidGenerator(seed: 1)
        #expect(spec.workspace.template == .fifo)
        #expect(spec.workspace.taskQueues == [
            TaskQueue(sid: sids.sid(.taskQueue, 0), friendlyName: "Sample Queue", targetWorkers: .always)
        ])
        #expect(spec.workspace.taskQueues[0].targetWorkers.source == "1==1")
        #expect(spec.workspace.workflows == [
            Workflow(
                sid: sids.sid(.workflow, 0), friendlyName: "Default Fifo Workflow", taskReservationTimeout: 120,
                filters: [], defaultFilter: WorkflowTarget(queue: 0))
        ])
        #expect(spec.arrivals[0].workflow == 0)
    }

    @Test func fifoTemplateComesBeforeListedResources() throws {
        let text = Fixtures.minimal + """

            workspace: {template: FIFO}
            """
        let spec = try Fixtures.load(text, overrides: [Override(keyPath: "arrivals.a.workflow", value: "W")]).spec
        #expect(spec.workspace.taskQueues.map(\.friendlyName) == ["Sample Queue", "Q"])
        #expect(spec.workspace.workflows.map(\.friendlyName) == ["Default Fifo Workflow", "W"])
        #expect(spec.workspace.workflows[1].defaultFilter == WorkflowTarget(queue: 1))
        #expect(spec.arrivals[0].workflow == 1)
    }

    @Test func workflowIsOptionalOnlyWithOneWorkflow() throws {
        #expect(try Fixtures.load(Fixtures.minimal).spec.arrivals[0].workflow == 0)
        let text = """
            name: two
            horizon: 1h
            task_queues: [{friendly_name: Q}]
            workflows:
              - {friendly_name: W1, configuration: {task_routing: {default_filter: {queue: Q}}}}
              - {friendly_name: W2, configuration: {task_routing: {default_filter: {queue: Q}}}}
            arrivals:
              - {name: a, rate: 10/h, handle_time: 5m}
            """
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.description) == [
            "test.yaml:8:5: arrivals.a.workflow: workflow is required when the workspace has 2 workflows"
        ])
    }

    @Test func seedDrivesSids() throws {
        let spec = try Fixtures.minimal("seed", "42").spec
        let sids = SidGenerator(seed: 42)
        #expect(spec.seed == 42)
        #expect(spec.workspace.sid == sids.sid(.workspace, 0))
        #expect(spec.workspace.activities[2].sid == sids.sid(.activity, 2))
        #expect(spec.workspace.taskQueues[0].sid == sids.sid(.taskQueue, 0))
        #expect(spec.workspace.workflows[0].sid == sids.sid(.workflow, 0))
        #expect(spec.workspace.sid.hasPrefix("WS") && spec.workspace.sid.count == 34)
    }
}
