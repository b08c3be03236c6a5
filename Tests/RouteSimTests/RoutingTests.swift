import RouteSim
import RouteSimKernel
import Testing

/// One test per routing rule, each a tiny center with callers at fixed times and the
/// asserted sequence of reservations.
@Suite struct RoutingTests {
    typealias C = TestCenter

    @Test func filtersAreTriedTopToBottom() {
        let spec = C.spec(
            queues: [C.queue("A", "skill == \"a\""), C.queue("B", "skill == \"b\"")],
            workflow: C.workflow([C.filter("lang == \"en\"", [C.target(0)]), C.filter("1==1", [C.target(1)])]),
            groups: [C.group("a", attributes: ["skill": "a"]), C.group("b", attributes: ["skill": "b"])],
            arrivals: [C.calls("en", at: [0], attributes: ["lang": "en"]), C.calls("fr", at: [1], attributes: ["lang": "fr"])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 0), Offer(task: 1, worker: 1, at: 1)])
        #expect(sink.tasksInOrder.map(\.queue) == [0, 1])
    }

    @Test func defaultFilterWhenNoFilterMatches() {
        let spec = C.spec(
            queues: [C.queue("A", "skill == \"a\""), C.queue("B", "skill == \"b\"")],
            workflow: C.workflow([C.filter("lang == \"de\"", [C.target(0)])], default: C.target(1)),
            groups: [C.group("a", attributes: ["skill": "a"]), C.group("b", attributes: ["skill": "b"])],
            arrivals: [C.calls(at: [0], attributes: ["lang": "en"])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 1, at: 0)])
    }

    @Test func defaultFilterIsNotATimeoutFallback() {
        let spec = C.spec(
            queues: [C.queue("A", "skill == \"a\""), C.queue("B", "skill == \"b\"")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 10)])], default: C.target(1)),
            groups: [C.group("b", attributes: ["skill": "b"])],
            arrivals: [C.calls(at: [0])])
        let (sink, result) = C.run(spec)
        #expect(sink.offers.isEmpty)
        let task = sink.tasksInOrder[0]
        #expect(task.status == .canceled)
        #expect(task.canceledAt == 10)
        #expect(task.reason.text == "Task canceled on Workflow timeout")
        #expect(result.summary.otherCanceled == 1)
    }

    @Test func nextMatchingFilterAfterTheLastTargetTimesOut() {
        let spec = C.spec(
            queues: [C.queue("A", "skill == \"a\""), C.queue("B", "skill == \"b\""), C.queue("C", "skill == \"c\"")],
            workflow: C.workflow(
                [C.filter("1==1", [C.target(0, timeout: 10)]), C.filter("1==1", [C.target(1)])], default: C.target(2)),
            groups: [C.group("b", attributes: ["skill": "b"]), C.group("c", attributes: ["skill": "c"])],
            arrivals: [C.calls(at: [0])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 10)])
        #expect(sink.tasksInOrder[0].firstQueue == 0)
        #expect(sink.tasksInOrder[0].queue == 1)
    }

    /// Targets at 10 s and 10 + 5 s of task age: a reservation that times out at 22 s
    /// does not reset the clock, so the task skips the second target and lands in the third.
    @Test func targetTimeoutsAreCumulativeOnTaskAge() {
        let spec = C.spec(
            queues: [C.queue("Q0", "queues HAS 0"), C.queue("Q1", "queues HAS 1"), C.queue("Q2", "queues HAS 2")],
            workflow: C.workflow(
                [C.filter("1==1", [C.target(0, timeout: 10), C.target(1, timeout: 5), C.target(2)])],
                reservationTimeout: 22),
            groups: [
                C.group("sleepy", attributes: ["queues": [0]], answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: nil)),
                C.group("q2", attributes: ["queues": [2]]),
            ],
            arrivals: [C.calls(at: [0])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 0, status: .timeout), Offer(task: 0, worker: 1, at: 22)])
        #expect(sink.tasksInOrder[0].queue == 2)
    }

    @Test func targetsMoveOnWhileThePendingTaskWaits() {
        let spec = C.spec(
            queues: [C.queue("Q0", "queues HAS 0"), C.queue("Q1", "queues HAS 1")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 30), C.target(1)])]),
            groups: [C.group("q0", attributes: ["queues": [0]]), C.group("q1", attributes: ["queues": [1]])],
            arrivals: [C.calls(at: [0, 1], handle: 100)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 0), Offer(task: 1, worker: 1, at: 31)])
    }

    @Test func targetExpressionFiltersWorkersOfTheQueue() {
        let spec = C.spec(
            queues: [C.queue("All")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, expression: "worker.languages HAS task.language")])]),
            groups: [C.group("en", attributes: ["languages": ["en"]]), C.group("es", attributes: ["languages": ["es"]])],
            arrivals: [C.calls(at: [1], attributes: ["language": "es"])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 1, at: 1)])
    }

    @Test func queueMembershipComesFromTargetWorkers() {
        let spec = C.spec(
            queues: [C.queue("Spanish", "languages HAS \"es\"")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("en", attributes: ["languages": ["en"]]), C.group("es", attributes: ["languages": ["es", "en"]])],
            arrivals: [C.calls(at: [0, 1], handle: 100)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 1, at: 0), Offer(task: 1, worker: 1, at: 100)])
    }

    @Test func fifoQueueServesPriorityThenAge() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls("low", at: [0, 1, 3], handle: 10), C.calls("high", at: [2], handle: 10, priority: 5)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [
            Offer(task: 0, worker: 0, at: 0), Offer(task: 2, worker: 0, at: 10),
            Offer(task: 1, worker: 0, at: 20), Offer(task: 3, worker: 0, at: 30),
        ])
    }

    @Test func targetPrioritySticks() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("vip == true", [C.target(0, priority: 9)])], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls("std", at: [0, 1], handle: 10), C.calls("vip", at: [2], handle: 10, attributes: ["vip": true])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers.map(\.task) == [0, 2, 1])
        #expect(sink.tasksInOrder.map(\.priority) == [0, 0, 9])
    }

    @Test func lifoQueueServesNewestFirstIgnoringPriority() {
        let spec = C.spec(
            queues: [C.queue("Q", order: .lifo)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls("low", at: [0, 1, 3], handle: 10), C.calls("high", at: [2], handle: 10, priority: 5)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers.map(\.task) == [0, 3, 2, 1])
    }

    @Test func longestIdleWorkerFirst() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agents", count: 3)],
            arrivals: [C.calls(at: [1, 10, 20, 30], handle: 5)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers.map(\.worker) == [0, 1, 2, 0])
    }

    /// Capacity 2 on chat with a 5 s answer delay: the second chat is reserved while the
    /// first reservation is still pending (it already holds a unit); the third waits.
    @Test func pendingReservationHoldsACapacityUnit() {
        let spec = C.spec(
            queues: [C.queue("Chat")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("chat", capacities: [C.chat: 2], answer: AnswerBehavior(delay: .fixed(5), reject: 0, noAnswer: 0, backAfterTimeout: nil))],
            arrivals: [C.calls(at: [0, 1, 2], handle: 100, channel: C.chat)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 0), Offer(task: 1, worker: 0, at: 1), Offer(task: 2, worker: 0, at: 105)])
    }

    @Test func singleTaskingAllowsOneTaskInFlightAcrossChannels() {
        func offers(multiTask: Bool) -> [Offer] {
            let spec = C.spec(
                queues: [C.queue("Q")],
                workflow: C.workflow([], default: C.target(0)),
                groups: [C.group("agent", capacities: [C.voice: 1, C.chat: 2])],
                arrivals: [C.calls("voice", at: [0], handle: 100), C.calls("chat", at: [1], handle: 100, channel: C.chat)],
                multiTask: multiTask)
            return C.run(spec).0.offers
        }
        #expect(offers(multiTask: false) == [Offer(task: 0, worker: 0, at: 0), Offer(task: 1, worker: 0, at: 100)])
        #expect(offers(multiTask: true) == [Offer(task: 0, worker: 0, at: 0), Offer(task: 1, worker: 0, at: 1)])
    }

    @Test func rejectedTaskIsRoutedAgain() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [
                C.group("rejecter", answer: AnswerBehavior(delay: .fixed(0), reject: 1, noAnswer: 0, backAfterTimeout: nil)),
                C.group("taker"),
            ],
            arrivals: [C.calls(at: [1])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 1, status: .rejected), Offer(task: 0, worker: 1, at: 1)])
        #expect(sink.tasksInOrder[0].reservationCount == 2)
    }

    @Test func reservationTimeoutMovesTheWorkerToTheTimeoutActivity() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0), reservationTimeout: 20),
            groups: [
                C.group("sleepy", answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: nil)),
                C.group("awake"),
            ],
            arrivals: [C.calls(at: [1, 200], handle: 10)])
        let (sink, result) = C.run(spec)
        #expect(sink.offers == [
            Offer(task: 0, worker: 0, at: 1, status: .timeout), Offer(task: 0, worker: 1, at: 21),
            Offer(task: 1, worker: 1, at: 200),
        ])
        let sleepy = sink.spans.filter { $0.worker == 0 }.sorted { $0.start < $1.start }
        #expect(sleepy.map(\.activity) == [C.available, C.offline])
        #expect(sleepy.map(\.start) == [0, 21])
        #expect(result.summary.reservationsTimedOut == 1)
    }

    @Test func workerComesBackAfterTimeout() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0), reservationTimeout: 20),
            groups: [C.group("sleepy", answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: .fixed(30)))],
            arrivals: [C.calls(at: [1], handle: 10, timeout: 60)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 0, at: 1, status: .timeout), Offer(task: 0, worker: 0, at: 51, status: .canceled)])
        let spans = sink.spans.sorted { $0.start < $1.start }
        #expect(spans.map(\.activity) == [C.available, C.offline, C.available])
        #expect(spans.map(\.start) == [0, 21, 51])
        #expect(sink.tasksInOrder[0].reason.text == "Task TTL Exceeded")
        #expect(sink.tasksInOrder[0].canceledAt == 61)
    }

    @Test func ttlCancelsAWaitingTask() {
        let spec = C.spec(
            queues: [C.queue("Q", "skill == \"none\"")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [5], timeout: 30)])
        let (sink, _) = C.run(spec)
        let task = sink.tasksInOrder[0]
        #expect(task.status == .canceled)
        #expect(task.canceledAt == 35)
        #expect(task.reason.text == "Task TTL Exceeded")
        #expect(task.waitSeconds == 30)
    }

    @Test func callerHangsUpAfterPatience() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [0, 1], handle: 100, patience: 10)])
        let (sink, result) = C.run(spec)
        let second = sink.tasksInOrder[1]
        #expect(second.status == .canceled)
        #expect(second.canceledAt == 11)
        #expect(second.reason.text == "Caller hung up")
        #expect(result.summary.abandoned == 1)
        #expect(result.summary.answered == 1)
    }

    @Test func wrapUpHoldsCapacityUntilCompletion() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [1, 102], handle: 100, wrapup: 5)])
        let (sink, _) = C.run(spec)
        let first = sink.tasksInOrder[0]
        #expect(first.assignedAt == 1)
        #expect(first.wrapupAt == 101)
        #expect(first.completedAt == 106)
        #expect(sink.offers.map(\.at) == [1, 106])
    }

    @Test func shiftEndLetsTheAgentFinishItsWork() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", shifts: [Shift(start: 0, end: 50)])],
            arrivals: [C.calls(at: [10, 60], handle: 100, timeout: 100)])
        let (sink, _) = C.run(spec)
        let tasks = sink.tasksInOrder
        #expect(tasks[0].completedAt == 110)
        #expect(tasks[1].status == .canceled)
        #expect(tasks[1].canceledAt == 160)
        let spans = sink.spans.sorted { $0.start < $1.start }
        #expect(spans.map(\.activity) == [C.available, C.offline])
        #expect(spans.map(\.start) == [0, 50])
    }

    @Test func breakMakesTheAgentUnavailable() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", shifts: [Shift(start: 10, end: 1000, breaks: [ShiftBreak(at: 100, length: 50, activity: C.unavailable)])])],
            arrivals: [C.calls(at: [0, 120], handle: 10)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers.map(\.at) == [10, 150])
        let spans = sink.spans.sorted { $0.start < $1.start }
        #expect(spans.map(\.activity) == [C.offline, C.available, C.unavailable, C.available, C.offline])
    }

    /// Two chats of 10 s of work on one agent: A at 0, B at 5. With beta 1 each runs at
    /// half speed while both are open, so A ends at 15 and B at 20; with beta 0, at 10 and
    /// 15; with beta 0.5 (factor 1.5), A's last 5 s take 7.5 s and B finishes alone.
    @Test(arguments: [(1.0, [15.0, 20.0]), (0.0, [10.0, 15.0]), (0.5, [12.5, 17.5])])
    func multitaskingRescalesRemainingWork(beta: Double, ends: [Double]) {
        var speeds = Array(repeating: MultitaskingSpeed.none, count: Workspace.defaultTaskChannels.count)
        speeds[C.chat] = .linear(beta: beta)
        let spec = C.spec(
            queues: [C.queue("Chat")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("chat", capacities: [C.chat: 2])],
            arrivals: [C.calls(at: [0, 5], handle: 10, channel: C.chat)],
            multitasking: speeds)
        let (sink, _) = C.run(spec)
        let completed = sink.tasksInOrder.compactMap(\.completedAt)
        #expect(completed.count == 2)
        for (got, want) in zip(completed, ends) { #expect(abs(got - want) < 1e-9) }
    }
}
