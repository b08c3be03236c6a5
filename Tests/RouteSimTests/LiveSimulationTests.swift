import RouteSim
import RouteSimKernel
import Testing

/// The engine as `routesim serve` drives it: commands between clock moves.
@Suite struct LiveSimulationTests {
    /// One queue of workers with `skill == "support"`, one filter `type == "support"` to it.
    static func spec(groups: [WorkerGroup] = [], reservationTimeout: Double = 120) -> SimulationSpec {
        var spec = TestCenter.spec(
            queues: [TestCenter.queue("Support", #"skill == "support""#)],
            workflow: TestCenter.workflow(
                [TestCenter.filter(#"type == "support""#, [TestCenter.target(0)])],
                reservationTimeout: reservationTimeout),
            groups: groups, arrivals: [])
        spec.apiTasks = Array(repeating: nil, count: spec.workspace.taskChannels.count)
        spec.apiTasks[TestCenter.voice] = APITaskWork(handleTime: .fixed(60), wrapupTime: .fixed(10))
        return spec
    }

    static let support: AttributeValue = .object(["skill": .string("support")])

    static func task(_ type: String, call: Int) -> AttributeValue {
        .object(["type": .string(type), "call_sid": .string("CA\(call)"), "from": .string("+1555\(call)")])
    }

    /// Adds an Available support agent on voice, created through the API; its index.
    static func addAgent(_ simulation: inout Simulation, _ name: String, sid: String) -> Int {
        simulation.addWorker(
            sid: sid, friendlyName: name, attributes: support, activity: TestCenter.available,
            capacities: [0, 1, 0, 0, 0])
    }

    /// The event names of `sink` with their times, from index `from` on.
    static func names(_ sink: CollectingSink, from: Int = 0) -> [String] {
        sink.events[from...].map { "\($0.time) \($0.type.name)" }
    }

    @Test func apiTaskIsReservedBeforeTheCommandReturnsAndWorkedByTheSyntheticAgent() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec(groups: [TestCenter.group("agents", attributes: Self.support)]))
        simulation.startLive(sink: sink)
        simulation.advance(to: 5)
        let task = simulation.createTask(
            attributes: Self.task("support", call: 1), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        #expect(task == 0)
        #expect(Self.names(sink).contains("5.0 reservation.created"))
        #expect(Self.names(sink).contains("5.0 reservation.accepted"))
        simulation.advance(to: 64)
        #expect(!Self.names(sink).contains { $0.hasSuffix("task.wrapup") })
        simulation.advance(to: 65)
        #expect(Self.names(sink).contains("65.0 task.wrapup"))
        simulation.advance(to: 75)
        #expect(sink.tasks.map(\.status) == [.completed])
        #expect(sink.tasks.first?.completedAt == 75)
        #expect(simulation.time == 75)
    }

    @Test func tasksThatDifferOnlyInAttributesNoExpressionReadsShareOneProfile() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec())
        simulation.startLive(sink: sink)
        for call in 0..<200 {
            _ = simulation.createTask(
                attributes: Self.task(call % 2 == 0 ? "support" : "sales", call: call), workflow: 0,
                channel: TestCenter.voice, priority: 0, timeout: 3600)
        }
        let profiles = Set(sink.events.compactMap(\.profile))
        #expect(profiles.count == 2)
        let canceled = sink.tasks.filter { $0.status == .canceled }
        #expect(canceled.count == 100, "the sales tasks match no filter and have no default")
    }

    @Test func applicationWorkersWaitForTheApplicationToAnswerAndToEndTheWork() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec())
        simulation.startLive(sink: sink)
        let worker = Self.addAgent(&simulation, "alice", sid: "WK01")
        #expect(worker == 0)
        let task = simulation.createTask(
            attributes: Self.task("support", call: 1), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        #expect(sink.events.last?.type == .reservationCreated)
        let reservation = sink.events.last!.reservation!
        simulation.advance(to: 100)
        #expect(!sink.events.contains { $0.type == .reservationAccepted }, "nobody answers for an application")
        let accepted = simulation.answerReservation(reservation, accept: true)
        #expect(accepted)
        let acceptedTwice = simulation.answerReservation(reservation, accept: true)
        #expect(!acceptedTwice, "an accepted reservation is no longer pending")
        simulation.advance(to: 10_000)
        #expect(sink.tasks.isEmpty, "the work of an application's worker ends when the application says so")
        let wrapped = simulation.updateTask(task, to: .wrapping)
        #expect(wrapped)
        #expect(sink.events.last?.type == .reservationWrapup)
        let wrappedTwice = simulation.updateTask(task, to: .wrapping)
        #expect(!wrappedTwice)
        let completed = simulation.updateTask(task, to: .completed)
        #expect(completed)
        #expect(sink.tasks.map(\.status) == [.completed])
        #expect(sink.reservations.map(\.status) == [.completed])
        #expect(sink.tasks.first?.worker == worker)
    }

    @Test func anUnansweredReservationTimesOutAndMovesTheWorkerToTheTimeoutActivity() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec(reservationTimeout: 30))
        simulation.startLive(sink: sink)
        let worker = Self.addAgent(&simulation, "alice", sid: "WK01")
        _ = simulation.createTask(
            attributes: Self.task("support", call: 1), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        simulation.advance(to: 29)
        let before = sink.events.count
        simulation.advance(to: 30)
        #expect(Self.names(sink, from: before) == ["30.0 reservation.timeout", "30.0 worker.activity.update"])
        #expect(sink.events.last?.worker == worker && sink.events.last?.activity == TestCenter.offline)
        simulation.setWorkerActivity(worker, to: TestCenter.available)
        #expect(sink.events.last?.type == .reservationCreated, "available again, the worker gets the task back")
    }

    @Test func aRejectionWithAnActivityMovesTheWorkerAndTheTaskWaitsForTheNext() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec())
        simulation.startLive(sink: sink)
        let alice = Self.addAgent(&simulation, "alice", sid: "WK01")
        _ = simulation.createTask(
            attributes: Self.task("support", call: 1), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        let first = sink.events.last!.reservation!
        let rejected = simulation.answerReservation(first, accept: false, activity: TestCenter.unavailable)
        #expect(rejected)
        #expect(sink.events.contains { $0.type == .workerActivityUpdate && $0.worker == alice && $0.activity == TestCenter.unavailable })
        let bob = Self.addAgent(&simulation, "bob", sid: "WK02")
        #expect(sink.events.last?.type == .reservationCreated && sink.events.last?.worker == bob)
    }

    @Test func anAPITaskIsCanceledAtItsOwnTimeoutOrByTheApplication() {
        let sink = CollectingSink()
        var simulation = Simulation(spec: Self.spec())
        simulation.startLive(sink: sink)
        _ = simulation.createTask(
            attributes: Self.task("support", call: 1), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 30)
        let second = simulation.createTask(
            attributes: Self.task("support", call: 2), workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
        simulation.advance(to: 29)
        #expect(sink.tasks.isEmpty)
        simulation.advance(to: 30)
        #expect(sink.tasks.map(\.reason) == [.canceled(.ttl)])
        let canceled = simulation.updateTask(second, to: .canceled)
        #expect(canceled)
        #expect(sink.tasks.map(\.reason) == [.canceled(.ttl), .canceled(.application)])
        let canceledTwice = simulation.updateTask(second, to: .canceled)
        #expect(!canceledTwice, "a canceled task is gone")
    }

    /// A workspace with no arrival streams starts with no task profile: a target's expression
    /// and its known worker must still hold for the API's tasks.
    @Test func targetExpressionsAndKnownWorkersHoldWithoutArrivalStreams() {
        for known in [false, true] {
            let target = known
                ? TestCenter.target(0, knownWorker: KnownWorker(field: .friendlyName, taskAttribute: ["agent"]))
                : TestCenter.target(0, expression: "task.lang == worker.lang")
            let spec = TestCenter.spec(
                queues: [TestCenter.queue("All")], workflow: TestCenter.workflow([], default: target), groups: [], arrivals: [])
            var simulation = Simulation(spec: spec)
            let sink = CollectingSink()
            simulation.startLive(sink: sink)
            for (w, lang) in ["en", "es"].enumerated() {
                _ = simulation.addWorker(
                    sid: "WK\(w)", friendlyName: lang, attributes: .object(["lang": .string(lang)]),
                    activity: TestCenter.available, capacities: [0, 1, 0, 0, 0])
            }
            let attributes: AttributeValue = known ? .object(["agent": .string("es")]) : .object(["lang": .string("es")])
            _ = simulation.createTask(attributes: attributes, workflow: 0, channel: TestCenter.voice, priority: 0, timeout: 3600)
            let reserved = sink.events.filter { $0.type == .reservationCreated }.map(\.worker)
            #expect(reserved == [1], "known worker: \(known)")
        }
    }

    /// Profiles of tasks that have ended are given again: tasks each with its own value of
    /// a key the workflow reads keep as many profiles as are in flight at once, and a profile
    /// given again is evaluated again (keys that route to different queues take turns in it).
    @Test func profilesNoLiveTaskUsesAreGivenAgain() {
        let spec = TestCenter.spec(
            queues: [TestCenter.queue("Large"), TestCenter.queue("Small")],
            workflow: TestCenter.workflow(
                [TestCenter.filter("customer > 100", [TestCenter.target(0)])], default: TestCenter.target(1)),
            groups: [], arrivals: [])
        var simulation = Simulation(spec: spec)
        let sink = CollectingSink()
        simulation.startLive(sink: sink)
        func create(_ customer: Int) -> Int {
            simulation.createTask(
                attributes: .object(["customer": .number(Double(customer))]), workflow: 0, channel: TestCenter.voice,
                priority: 0, timeout: 3600)
        }
        var expected: [Int?] = []
        for customer in 1...200 {
            let task = create(customer % 2 == 0 ? 1000 + customer : -customer)
            expected.append(customer % 2 == 0 ? 0 : 1)
            let canceled = simulation.updateTask(task, to: .canceled)
            #expect(canceled)
        }
        #expect(simulation.liveProfileCount == 1)
        #expect(sink.events.filter { $0.type == .taskQueueEntered }.map(\.queue) == expected)
        let kept = (201...203).map(create)
        #expect(simulation.liveProfileCount == 3)
        #expect(Set(sink.events.filter { kept.contains($0.task ?? -1) }.compactMap(\.profile)).count == 3)
    }

    @Test func expressionsTellTheTopLevelKeysTheyRead() throws {
        let filter = try Expression.parse(#"type == "a" AND (lang.code IN ["en"] OR vip == true)"#, scope: .attributes)
        #expect(filter.keys(readFrom: .attributes) == ["type", "lang", "vip"])
        let target = try Expression.parse(#"task.lang == worker.lang AND worker.level > 2"#, scope: .taskAndWorker)
        #expect(target.keys(readFrom: .task) == ["lang"])
        #expect(target.keys(readFrom: .worker) == ["lang", "level"])
        #expect(Expression.always.keys(readFrom: .attributes) == [])
    }
}
