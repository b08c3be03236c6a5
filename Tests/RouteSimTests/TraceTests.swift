import RouteSim
import RouteSimKernel
import Testing

/// Trace-driven arrivals: each traced caller arrives at its time with its own values, and
/// falls back to its stream for what it leaves out.
@Suite struct TraceTests {
    typealias C = TestCenter

    static func stream(_ callers: [TracedCaller], attributes: AttributeValue = .object(["team": .string("a")])) -> ArrivalStream {
        ArrivalStream(
            name: "day", channel: C.voice, workflow: 0, attributes: attributes, priority: 1, process: .trace(callers),
            handleTime: .fixed(50), wrapupTime: nil, patience: .fixed(1_000))
    }

    @Test func rowsArriveAtTheirTimesWithTheirValues() {
        let callers = [
            TracedCaller(time: 10, attributes: ["language": .string("es")], handleTime: 100, priority: 5),
            TracedCaller(time: 20),
            TracedCaller(time: 35, handleTime: 7, patience: 5, wrapupTime: 3),
            TracedCaller(time: 36, channel: C.chat),
            TracedCaller(time: 20_000),
        ]
        let spec = C.spec(
            queues: [C.queue("Q")], workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agents", capacities: [C.voice: 1, C.chat: 1])], arrivals: [Self.stream(callers)],
            horizon: 10_000)
        let tasks = C.run(spec).0.tasksInOrder
        #expect(tasks.map(\.createdAt) == [10, 20, 35, 36])
        #expect(tasks.map(\.priority) == [5, 1, 1, 1])
        #expect(tasks.map(\.channel) == [C.voice, C.voice, C.voice, C.chat])
        // One voice agent: caller 0 talks 100 s; caller 1 then gets its stream's 50 s;
        // caller 2 hangs up after its own 5 s of patience; the chat is taken at once.
        #expect(tasks[0].assignedAt == 10)
        #expect(tasks[0].completedAt == 110)
        #expect(tasks[1].assignedAt == 110)
        #expect(tasks[1].completedAt == 160)
        #expect(tasks[2].status == .canceled)
        #expect(tasks[2].canceledAt == 40)
        #expect(tasks[3].assignedAt == 36)
        #expect(tasks[3].completedAt == 86)
        let profiles = TaskProfiles(arrivals: spec.arrivals).attributes
        #expect(profiles[tasks[0].profile] == .object(["team": .string("a"), "language": .string("es")]))
        #expect(tasks[1...].allSatisfy { profiles[$0.profile] == .object(["team": .string("a")]) })
    }

    @Test func wrapupAndHandleFromTheRow() {
        let spec = C.spec(
            queues: [C.queue("Q")], workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agents")], arrivals: [Self.stream([TracedCaller(time: 5, handleTime: 7, wrapupTime: 3)])])
        let task = C.run(spec).0.tasksInOrder[0]
        #expect(task.wrapupAt == 12)
        #expect(task.completedAt == 15)
    }

    /// Routing reads each caller's own attributes: Spanish callers go to the Spanish
    /// queue, the others to English; equal sets share one profile.
    @Test func routingByARowAttribute() {
        let languages = ["es", "en", "es", "fr", "en", "es"]
        let callers = languages.enumerated().map { i, language in
            TracedCaller(time: Double(i) * 10, attributes: ["language": .string(language)], handleTime: 5)
        }
        let spec = C.spec(
            queues: [C.queue("Spanish", #"languages HAS "es""#), C.queue("English", #"languages HAS "en""#)],
            workflow: C.workflow([C.filter(#"language == "es""#, [C.target(0)])], default: C.target(1)),
            groups: [
                C.group("es", attributes: .object(["languages": .array([.string("es")])])),
                C.group("en", attributes: .object(["languages": .array([.string("en")])])),
            ],
            arrivals: [Self.stream(callers, attributes: .emptyObject)])
        let tasks = C.run(spec).0.tasksInOrder
        #expect(tasks.map(\.queue) == [0, 1, 0, 1, 1, 0])
        #expect(tasks.map(\.worker) == [0, 1, 0, 1, 1, 0])
        #expect(TaskProfiles(arrivals: spec.arrivals).attributes.count == 4)
        #expect(Set(tasks.map(\.profile)).count == 3)
    }

    @Test func sameTraceSameRows() {
        let callers = (0..<200).map { TracedCaller(time: Double($0) * 30, attributes: ["n": .number(Double($0 % 7))]) }
        var spec = C.spec(
            queues: [C.queue("Q")], workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agents", count: 2)], arrivals: [Self.stream(callers)])
        spec.arrivals[0].handleTime = .exponential(mean: 60)
        let first = C.run(spec).0
        let again = C.run(spec).0
        #expect(first.tasksInOrder == again.tasksInOrder)
        #expect(first.reservations == again.reservations)
    }
}
