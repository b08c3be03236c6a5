import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// The bilingual sketch of ``Fixtures/sketch`` loads into the spec it describes, from YAML
/// and from JSON.
struct SketchTests {
    @Test func runSettings() throws {
        let spec = try Fixtures.load(Fixtures.sketch).spec
        #expect(spec.name == "bilingual-support")
        #expect(spec.horizon == 28_800)
        #expect(spec.warmup == 1800)
        #expect(spec.interval == 1800)
        #expect(spec.serviceLevel == 20)
        #expect(spec.seed == 1)
        #expect(spec.replication == 0)
    }

    @Test func workspaceAndResources() throws {
        let spec = try Fixtures.load(Fixtures.sketch).spec
        let sids = SidGenerator(seed: 1)
        let workspace = spec.workspace
        #expect(workspace.sid == sids.sid(.workspace, 0))
        #expect(workspace.friendlyName == "Bilingual Support")
        #expect(workspace.multiTaskEnabled)
        #expect(workspace.template == .none)
        #expect(workspace.prioritizeQueueOrder == .fifo)
        #expect(workspace.defaultActivity == 0)
        #expect(workspace.timeoutActivity == 0)
        #expect(workspace.eventsFilter == ["task.created", "task.canceled", "reservation.timeout", "worker.activity.update"])
        #expect(workspace.activities == [
            Activity(sid: sids.sid(.activity, 0), friendlyName: "Offline", available: false),
            Activity(sid: sids.sid(.activity, 1), friendlyName: "Available", available: true),
            Activity(sid: sids.sid(.activity, 2), friendlyName: "Break", available: false),
        ])
        #expect(workspace.taskChannels.map(\.uniqueName) == ["default", "voice", "sms", "chat", "video"])
        #expect(workspace.taskChannels.map(\.sid) == (0..<5).map { sids.sid(.taskChannel, $0) })
        #expect(workspace.taskChannels[1].friendlyName == "Voice")
        #expect(workspace.taskQueues == [
            TaskQueue(
                sid: sids.sid(.taskQueue, 0), friendlyName: "English",
                targetWorkers: try Expression.parse(#"languages HAS "en""#, scope: .attributes)),
            TaskQueue(
                sid: sids.sid(.taskQueue, 1), friendlyName: "Spanish",
                targetWorkers: try Expression.parse(#"languages HAS "es""#, scope: .attributes), taskOrder: .fifo),
        ])
    }

    @Test func workflow() throws {
        let workflows = try Fixtures.load(Fixtures.sketch).spec.workspace.workflows
        let expected = Workflow(
            sid: SidGenerator(seed: 1).sid(.workflow, 0), friendlyName: "Support", taskReservationTimeout: 20,
            filters: [
                WorkflowFilter(
                    friendlyName: "Spanish callers",
                    expression: try Expression.parse(#"language == "es""#, scope: .attributes),
                    targets: [
                        WorkflowTarget(queue: 1, timeout: 30),
                        WorkflowTarget(
                            queue: 0, expression: try Expression.parse(#"worker.languages HAS "es""#, scope: .taskAndWorker)),
                    ])
            ],
            defaultFilter: WorkflowTarget(queue: 0))
        #expect(workflows == [expected])
    }

    @Test func workersAndArrivals() throws {
        let spec = try Fixtures.load(Fixtures.sketch).spec
        #expect(spec.workerGroups == [
            WorkerGroup(
                name: "english", count: 12, attributes: ["languages": ["en"]], capacities: [0, 1, 0, 2, 0], activity: 1,
                shifts: [Shift(start: 0, end: 28_800, breaks: [ShiftBreak(at: 14_400, length: 1800, activity: 2)])],
                answer: AnswerBehavior(
                    delay: .lognormal(mean: 4, sd: 2), reject: 0.01, noAnswer: 0.02,
                    backAfterTimeout: .exponential(mean: 180)))
        ])
        #expect(spec.arrivals == [
            ArrivalStream(
                name: "voice-es", channel: 1, workflow: 0, attributes: ["language": "es"], priority: 0, timeout: 86_400,
                process: .poisson(ratePerSecond: 40.0 / 3600), handleTime: .lognormal(mean: 300, sd: 180),
                wrapupTime: .fixed(30), patience: .exponential(mean: 180))
        ])
        #expect(spec.multitasking == [.none, .none, .none, .linear(beta: 0.25), .none])
    }

    @Test func variants() throws {
        let scenario = try Fixtures.load(Fixtures.sketch)
        #expect(scenario.path == "test.yaml")
        #expect(scenario.variants == [
            ScenarioVariant(name: "single", overrides: [Override(keyPath: "workspace.multi_task_enabled", value: "false")]),
            ScenarioVariant(name: "multi", overrides: [Override(keyPath: "workspace.multi_task_enabled", value: "true")]),
        ])
        #expect(scenario.spec.workspace.multiTaskEnabled)
    }

    @Test func variantOverridesApply() throws {
        let scenario = try Fixtures.load(Fixtures.sketch)
        let single = try Fixtures.load(Fixtures.sketch, overrides: scenario.variants[0].overrides)
        #expect(!single.spec.workspace.multiTaskEnabled)
    }

    @Test func jsonGivesTheSameSpec() throws {
        let yaml = try Fixtures.load(Fixtures.sketch)
        let json = try ScenarioLoader.load(text: Fixtures.sketchJSON, path: "test.json")
        #expect(json.spec == yaml.spec)
        #expect(json.variants == yaml.variants)
    }

    @Test func loadsFromAFile() throws {
        let expected = try Fixtures.load(Fixtures.sketch).spec
        try Fixtures.withFile(Fixtures.sketch, named: "sketch.yaml") { path in
            let scenario = try ScenarioLoader.load(path: path)
            #expect(scenario.path == path)
            #expect(scenario.spec == expected)
        }
        try Fixtures.withFile(Fixtures.sketchJSON, named: "sketch.json") { path in
            let scenario = try ScenarioLoader.load(path: path)
            #expect(scenario.spec == expected)
        }
    }
}
