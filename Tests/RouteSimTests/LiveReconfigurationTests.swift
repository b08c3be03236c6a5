import RouteSim
import RouteSimKernel
import Testing

/// A live run's workflow, queue or worker attributes changed while a task is in flight route
/// the tasks created after the change as an engine built with the change from the start
/// routes them.
@Suite struct LiveReconfigurationTests {
    static let queues = [
        TestCenter.queue("Support", #"skill == "support""#), TestCenter.queue("Sales", #"skill == "sales""#),
        TestCenter.queue("Parking", #"skill == "none""#),
    ]

    static let before = TestCenter.workflow([
        TestCenter.filter(#"type == "support""#, [TestCenter.target(0)]),
        TestCenter.filter(#"type == "sales""#, [TestCenter.target(1)]),
        TestCenter.filter(#"type == "parked""#, [TestCenter.target(2)]),
    ])

    /// Reads a key `before` does not (`region`), a target expression and `order_by`.
    static let after = TestCenter.workflow(
        [
            TestCenter.filter(#"region == "eu""#, [
                TestCenter.target(1, expression: "worker.level > task.min", orderBy: [OrderByClause(path: ["level"], descending: true)]),
            ]),
            TestCenter.filter(#"type == "support""#, [TestCenter.target(0, expression: "worker.level >= 2")]),
            TestCenter.filter(#"type == "parked""#, [TestCenter.target(2)]),
        ],
        default: TestCenter.target(0))

    static func worker(_ skill: String, _ level: Int) -> AttributeValue {
        .object(["skill": .string(skill), "level": .number(Double(level))])
    }

    static let workers = [worker("support", 1), worker("sales", 3), worker("support", 2), worker("sales", 1), worker("sales", 4)]

    /// The tasks created after the change: what they carry that no expression reads too.
    static let newTasks: [AttributeValue] = (0..<10).map { call in
        var members: [String: AttributeValue] = [
            "type": .string(call % 3 == 0 ? "sales" : "support"), "call_sid": .string("CA\(call)"),
            "min": .number(Double(call % 3)),
        ]
        if call % 2 == 0 { members["region"] = .string("eu") }
        return .object(members)
    }

    /// A live run of `queues` and `workflow` with `workers` (Available on voice), at time 10.
    static func engine(queues: [TaskQueue], workflow: Workflow, workers: [AttributeValue]) -> (Simulation, CollectingSink) {
        var spec = TestCenter.spec(queues: queues, workflow: workflow, groups: [], arrivals: [])
        spec.apiTasks = Array(repeating: nil, count: spec.workspace.taskChannels.count)
        let sink = CollectingSink()
        var simulation = Simulation(spec: spec)
        simulation.startLive(sink: sink)
        for (w, attributes) in workers.enumerated() {
            _ = simulation.addWorker(
                sid: "WK\(w)", friendlyName: "w\(w)", attributes: attributes, activity: TestCenter.available,
                capacities: [0, 1, 0, 0, 0])
        }
        simulation.advance(to: 10)
        return (simulation, sink)
    }

    /// Creates ``newTasks`` a second apart; per task, its first queue, its reservations'
    /// workers and its status.
    static func route(_ simulation: inout Simulation, _ sink: CollectingSink) -> [String] {
        let ordinals = newTasks.map { attributes in
            simulation.advance(to: simulation.time + 1)
            return simulation.createTask(attributes: attributes, workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        }
        return ordinals.map { ordinal in
            let events = sink.events.filter { $0.task == ordinal }
            let queue = events.first { $0.type == .taskQueueEntered }?.queue
            let reserved = events.filter { $0.type == .reservationCreated }.compactMap(\.worker)
            let canceled = events.contains { $0.type == .taskCanceled }
            return "queue \(queue.map(String.init) ?? "-") workers \(reserved)\(canceled ? " canceled" : "")"
        }
    }

    /// A task waiting in Parking, where no worker is a member: in flight across the change.
    static func park(_ simulation: inout Simulation) {
        _ = simulation.createTask(
            attributes: .object(["type": .string("parked")]), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        #expect(simulation.liveTaskCount == 1)
    }

    @Test func aWorkflowUpdatedInFlightRoutesNewTasksAsAnEngineBuiltWithIt() {
        var (live, liveSink) = Self.engine(queues: Self.queues, workflow: Self.before, workers: Self.workers)
        Self.park(&live)
        live.updateWorkflow(0, to: Self.after)
        var (fresh, freshSink) = Self.engine(queues: Self.queues, workflow: Self.after, workers: Self.workers)
        let routed = Self.route(&live, liveSink)
        #expect(routed == Self.route(&fresh, freshSink))
        #expect(Set(routed).count > 3, "the tasks are routed in several ways")
    }

    @Test func aQueueUpdatedInFlightRoutesNewTasksAsAnEngineBuiltWithIt() {
        var queues = Self.queues
        var (live, liveSink) = Self.engine(queues: queues, workflow: Self.after, workers: Self.workers)
        Self.park(&live)
        queues[1] = TestCenter.queue("Sales", "level >= 2", order: .lifo, maxReserved: 2)
        live.updateQueue(1, to: queues[1])
        var (fresh, freshSink) = Self.engine(queues: queues, workflow: Self.after, workers: Self.workers)
        let routed = Self.route(&live, liveSink)
        #expect(routed == Self.route(&fresh, freshSink))
        #expect(routed.contains { $0.contains(", ") }, "max_reserved_workers 2 reserved two workers for a task")
    }

    @Test func aWorkersAttributesUpdatedInFlightRouteNewTasksAsAnEngineBuiltWithThem() {
        var workers = Self.workers
        var (live, liveSink) = Self.engine(queues: Self.queues, workflow: Self.after, workers: workers)
        Self.park(&live)
        workers[3] = Self.worker("support", 5)
        workers[0] = Self.worker("sales", 2)
        live.setWorkerAttributes(3, workers[3])
        live.setWorkerAttributes(0, workers[0])
        var (fresh, freshSink) = Self.engine(queues: Self.queues, workflow: Self.after, workers: workers)
        let routed = Self.route(&live, liveSink)
        #expect(routed == Self.route(&fresh, freshSink))
        #expect(routed.contains { $0.contains("[3]") }, "worker 3 now takes support tasks")
    }

    @Test func aQueueAddedInFlightAndRoutedToServesNewTasksAsAnEngineBuiltWithIt() {
        let vip = TestCenter.queue("VIP", "level >= 3", order: .lifo)
        var workflow = Self.after
        workflow.filters.insert(TestCenter.filter(#"type == "sales""#, [TestCenter.target(3)]), at: 0)
        var (live, liveSink) = Self.engine(queues: Self.queues, workflow: Self.after, workers: Self.workers)
        Self.park(&live)
        live.addQueue(vip)
        live.updateWorkflow(0, to: workflow)
        var (fresh, freshSink) = Self.engine(queues: Self.queues + [vip], workflow: workflow, workers: Self.workers)
        let routed = Self.route(&live, liveSink)
        #expect(routed == Self.route(&fresh, freshSink))
        #expect(routed.first == "queue 3 workers [1]", "the new queue's ready member took a task")
    }

    @Test func replacedConfigurationsAreKeptWhileATaskFollowsThemAndDroppedAfter() {
        let timed = TestCenter.workflow([
            TestCenter.filter(#"type == "sales""#, [TestCenter.target(2, timeout: 30)]),
            TestCenter.filter(#"type == "sales""#, [TestCenter.target(1)]),
        ])
        var (live, sink) = Self.engine(queues: Self.queues, workflow: Self.before, workers: Self.workers)
        live.updateWorkflow(0, to: timed)
        let task = live.createTask(
            attributes: .object(["type": .string("sales")]), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        live.updateWorkflow(0, to: Self.after)
        #expect(live.routingWorkflowCount == 2, "the first configuration, which no task followed, was dropped")
        live.updateWorkflow(0, to: Self.before)
        #expect(live.routingWorkflowCount == 3, "the current configuration, the task's, and the one just replaced")
        live.updateWorkflow(0, to: Self.after)
        #expect(live.routingWorkflowCount == 3, "the configuration no task followed was dropped")
        live.advance(to: 45)
        let queues = sink.events.filter { $0.task == task && $0.type == .taskQueueEntered }.map(\.queue)
        #expect(queues == [2, 1], "the task went on by its configuration after the others were dropped")
        #expect(sink.events.contains { $0.task == task && $0.type == .reservationCreated })
        let canceled = live.updateTask(task, to: .canceled)
        #expect(canceled)
        live.updateWorkflow(0, to: Self.before)
        #expect(live.routingWorkflowCount == 2)
    }
}
