import RouteSimKernel
import Testing
@testable import RouteSim

/// How a run treats the engine value and its events, beyond what routing decides.
@Suite("Simulation runs")
struct SimulationRunTests {
    typealias C = TestCenter

    /// One agent, one queue, and callers at `times` who hang up after `patience` seconds.
    static func line(callersAt times: [Double], handle: Double, patience: Double) -> SimulationSpec {
        C.spec(
            queues: [C.queue("All")], workflow: C.workflow([C.filter("1==1", [C.target(0)])]),
            groups: [C.group("Agents")], arrivals: [C.calls(at: times, handle: handle, patience: patience)],
            horizon: 3_600)
    }

    @Test("a copy taken before a run is not changed by the run")
    func copyBeforeRunIsIndependent() {
        let spec = ValidationTests.center(
            agents: 5, rate: 1.0 / 40, handle: 180, patience: 120, horizon: 4 * 3_600, warmup: 0, threshold: 20,
            replication: 1)
        var first = Simulation(spec: spec)
        var second = first
        let firstResult = first.run()
        let secondResult = second.run()
        #expect(firstResult.tasksCreated > 300)
        #expect(secondResult == firstResult)
    }

    @Test("an overloaded run with the heaps' order checked after every mutation gives the rows of one without")
    func heapOrderChecksChangeNoRow() {
        let spec = ValidationTests.center(
            agents: 10, rate: 1.3 * 10 / 180, handle: 180, patience: 120, horizon: 2 * 3_600, warmup: 0, threshold: 20,
            replication: 1)
        var checked = Simulation(spec: spec)
        var plain = checked
        let checkedRows = RecordBuffer()
        let plainRows = RecordBuffer()
        let result = InternalChecks.$heapOrder.withValue(true) { checked.run(sink: checkedRows, recordEvents: true) }
        #expect(result.summary.abandoned > 50)
        #expect(plain.run(sink: plainRows, recordEvents: true) == result)
        #expect(checkedRows.rows.tasks == plainRows.rows.tasks)
        #expect(checkedRows.rows.reservations == plainRows.rows.reservations)
        #expect(checkedRows.rows.events == plainRows.rows.events)
    }

    @Test("a workforce of prefetchWorkers agents prefetches, with the same results as without")
    func prefetchingChangesNoResult() {
        let agents = Simulation.prefetchWorkers
        let spec = ValidationTests.center(
            agents: agents, rate: 0.95 * Double(agents) / 180, handle: 180, patience: 120, horizon: 600, warmup: 0,
            threshold: 20, replication: 1)
        var prefetching = Simulation(spec: spec)
        var plain = prefetching
        plain.prefetches = false
        #expect(prefetching.prefetches)
        let prefetchingRows = RecordBuffer()
        let plainRows = RecordBuffer()
        let result = prefetching.run(sink: prefetchingRows, recordEvents: true)
        #expect(result.tasksCreated > 10_000)
        #expect(plain.run(sink: plainRows, recordEvents: true) == result)
        let rows = prefetchingRows.rows
        #expect(rows.tasks.count == result.tasksCreated)
        #expect(rows.reservations.count >= rows.tasks.count / 2)
        #expect(rows.spans.count >= agents)
        #expect(rows.events.count > rows.tasks.count)
        #expect(plainRows.rows.tasks == rows.tasks)
        #expect(plainRows.rows.reservations == rows.reservations)
        #expect(plainRows.rows.spans == rows.spans)
        #expect(plainRows.rows.events == rows.events)
        let small = ValidationTests.center(
            agents: agents - 1, rate: 1, handle: 180, patience: 120, horizon: 60, warmup: 0, threshold: 20, replication: 1)
        #expect(!Simulation(spec: small).prefetches)
    }

    @Test("a caller answered in the instant it arrives leaves no hang-up event")
    func answeredCallersScheduleNoHangUp() {
        let (_, result) = C.run(Self.line(callersAt: [0, 10, 20], handle: 5, patience: 100))
        #expect(result.summary.answered == 3)
        #expect(result.eventCount == 9)  // per caller: arrival, answer, end of work
    }

    @Test("a caller who waits still hangs up on time")
    func waitingCallerHangsUp() {
        let (sink, result) = C.run(Self.line(callersAt: [0, 1], handle: 100, patience: 50))
        #expect(result.summary.answered == 1)
        #expect(result.summary.abandoned == 1)
        #expect(result.eventCount == 5)  // 2 arrivals, 1 answer, 1 end of work, 1 hang-up
        #expect(sink.tasksInOrder.last?.canceledAt == 51)
    }

    @Test("workers are filed in a channel's ready heaps only once a task of the channel appears")
    func channelsOpenWithTheirFirstTask() {
        let spec = C.spec(
            queues: [C.queue("All")], workflow: C.workflow([C.filter("1==1", [C.target(0)])]),
            groups: [C.group("Agents", count: 3, capacities: [C.voice: 1, C.chat: 2])],
            arrivals: [C.calls(at: [10, 20, 30], handle: 5)], horizon: 100)
        var simulation = Simulation(spec: spec)
        let channels = simulation.channelCount
        func filed(_ channel: Int) -> Int { simulation.idle[channel].count }
        #expect(simulation.idle.allSatisfy { $0.isEmpty }, "no channel is open before a task")
        var before = simulation
        before.openChannel(C.chat)
        #expect(before.idle[C.chat].count == 3, "opening a channel files its ready workers")
        before.openChannel(C.chat)
        #expect(before.idle[C.chat].count == 3, "a channel opens once")
        #expect(before.idle.indices.filter { $0 != C.chat }.allSatisfy { before.idle[$0].isEmpty })

        let result = simulation.run()
        #expect(result.summary.answered == 3)
        #expect(filed(C.voice) > 0)
        #expect((0..<channels).filter { $0 != C.voice }.allSatisfy { filed($0) == 0 },
                "the channels no task used cost no heap entry")
    }
}
