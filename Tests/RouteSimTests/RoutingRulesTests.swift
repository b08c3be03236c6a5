import RouteSim
import RouteSimKernel
import Testing

/// The routing rules beyond the basics: parallel reservations, single-tasking activities,
/// `skip_if`, `order_by`, known workers, queue-kind preference, priority across queues
/// and channel-optimized idle time.
@Suite struct RoutingRulesTests {
    typealias C = TestCenter

    /// max_reserved_workers 3: three parallel offers, the fastest to accept wins, the
    /// others are rescinded at that moment.
    @Test func parallelReservationsFirstAcceptWins() {
        let spec = C.spec(
            queues: [C.queue("Q", maxReserved: 3)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [
                C.group("slow", answer: C.answering(after: 5)), C.group("fast", answer: C.answering(after: 2)),
                C.group("slower", answer: C.answering(after: 8)),
            ],
            arrivals: [C.calls(at: [1], handle: 10)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [
            Offer(task: 0, worker: 0, at: 1, status: .rescinded), Offer(task: 0, worker: 1, at: 1),
            Offer(task: 0, worker: 2, at: 1, status: .rescinded),
        ])
        let ended = sink.reservations.sorted { $0.index < $1.index }.map(\.respondedAt)
        #expect(ended == [3, 3, 3])
        #expect(sink.tasksInOrder[0].worker == 1)
        #expect(sink.tasksInOrder[0].assignedAt == 3)
    }

    /// Single-tasking: the queue's reservation activity on reservation, its assignment
    /// activity on acceptance, and back to the scheduled activity on completion.
    @Test func singleTaskingMovesTheWorkerThroughQueueActivities() {
        let spec = C.spec(
            queues: [C.queue("Q", reservationActivity: C.unavailable, assignmentActivity: C.offline)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", answer: C.answering(after: 2))],
            arrivals: [C.calls(at: [1], handle: 10)],
            multiTask: false)
        let (sink, _) = C.run(spec)
        let spans = sink.spans.sorted { $0.start < $1.start }
        #expect(spans.map(\.activity) == [C.available, C.unavailable, C.offline, C.available])
        #expect(spans.map(\.start) == [0, 1, 3, 13])
    }

    @Test func multitaskingLeavesTheActivityAlone() {
        let spec = C.spec(
            queues: [C.queue("Q", reservationActivity: C.unavailable, assignmentActivity: C.offline)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", answer: C.answering(after: 2))],
            arrivals: [C.calls(at: [1], handle: 10)])
        let (sink, _) = C.run(spec)
        #expect(sink.spans.map(\.activity) == [C.available])
    }

    /// skip_if `workers.available == 0`: every member of Q0 is on a break, so the task
    /// skips Q0 at once; without skip_if it waits there.
    @Test func skipIfSkipsATargetNobodyCanServe() {
        func offers(skip: String?) -> [Offer] {
            let spec = C.spec(
                queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1")],
                workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 60, skipIf: skip), C.target(1)])]),
                groups: [
                    C.group("zero", attributes: ["team": 0], shifts: [Shift(start: 0, end: 1000, breaks: [ShiftBreak(at: 0, length: 500, activity: C.unavailable)])]),
                    C.group("one", attributes: ["team": 1]),
                ],
                arrivals: [C.calls(at: [5])])
            return C.run(spec).0.offers
        }
        #expect(offers(skip: "workers.available == 0") == [Offer(task: 0, worker: 1, at: 5)])
        #expect(offers(skip: "workers.Unavailable > 5") == [Offer(task: 0, worker: 1, at: 65)])
        #expect(offers(skip: nil) == [Offer(task: 0, worker: 1, at: 65)])
    }

    /// Skipping every target of the only matching filter: the filter counts as not
    /// matched, so the default filter applies; without one the task is removed.
    @Test func skippingEveryTargetFallsToTheDefaultFilter() {
        func run(withDefault: Bool) -> CollectingSink {
            let spec = C.spec(
                queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1")],
                workflow: C.workflow([C.filter("1==1", [C.target(0, skipIf: "1==1")])], default: withDefault ? C.target(1) : nil),
                groups: [C.group("one", attributes: ["team": 1])],
                arrivals: [C.calls(at: [5])])
            return C.run(spec).0
        }
        #expect(run(withDefault: true).offers == [Offer(task: 0, worker: 0, at: 5)])
        let removed = run(withDefault: false).tasksInOrder[0]
        #expect(removed.status == .canceled)
        #expect(removed.reason == .canceled(.workflowSkipped))
        #expect(removed.canceledAt == 5)
    }

    @Test func orderByPicksByIntegerAttributeMissingLast() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, orderBy: [OrderByClause(path: ["level"], descending: true)])])]),
            groups: [
                C.group("none"), C.group("low", attributes: ["level": 1]), C.group("high", attributes: ["level": 3]),
                C.group("mid", attributes: ["level": 2]),
            ],
            arrivals: [C.calls(at: [1, 2, 3, 4], handle: 100)])
        let (sink, _) = C.run(spec)
        #expect(sink.offers.map(\.worker) == [2, 3, 1, 0])
    }

    @Test func knownWorkerOnlyThatWorker() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 30, knownWorker: KnownWorker(field: .friendlyName, taskAttribute: ["agent"])), C.target(0)])]),
            groups: [C.group("agent", count: 3)],
            arrivals: [C.calls("known", at: [1], handle: 10, attributes: ["agent": "agent-002"]),
                       C.calls("nobody", at: [2], handle: 10, attributes: ["agent": "agent-999"])])
        let (sink, _) = C.run(spec)
        #expect(sink.offers == [Offer(task: 0, worker: 1, at: 1), Offer(task: 1, worker: 0, at: 32)])
    }

    /// A worker in a FIFO and a LIFO queue gets the kind the workspace's
    /// `prioritize_queue_order` names first.
    @Test(arguments: [(QueueOrder.fifo, [0, 1, 2]), (QueueOrder.lifo, [0, 2, 1])])
    func prioritizeQueueOrderPicksTheQueueKind(order: QueueOrder, tasks: [Int]) {
        let spec = C.spec(
            queues: [C.queue("F", "1==1", order: .fifo), C.queue("L", "1==1", order: .lifo)],
            workflow: C.workflow([C.filter("kind == \"f\"", [C.target(0)])], default: C.target(1)),
            groups: [C.group("agent")],
            arrivals: [C.calls("f", at: [0, 1], handle: 10, attributes: ["kind": "f"]), C.calls("l", at: [2], handle: 10, attributes: ["kind": "l"])],
            prioritize: order)
        #expect(C.run(spec).0.offers.map(\.task) == tasks)
    }

    @Test func priorityComparedAcrossQueues() {
        let spec = C.spec(
            queues: [C.queue("A"), C.queue("B")],
            workflow: C.workflow([C.filter("q == \"a\"", [C.target(0)])], default: C.target(1)),
            groups: [C.group("agent")],
            arrivals: [
                C.calls("a", at: [0, 1], handle: 10, attributes: ["q": "a"], priority: 1),
                C.calls("b", at: [2], handle: 10, attributes: ["q": "b"], priority: 10),
            ])
        #expect(C.run(spec).0.offers.map(\.task) == [0, 2, 1])
    }

    /// w0 last took a chat at 2, w1 a voice call at 1. For a voice call at 10,
    /// channel-optimized routing looks at voice only (w0 never had one); otherwise at the
    /// last reservation on any channel (w1's is older).
    @Test(arguments: [(true, 0), (false, 1)])
    func channelOptimizedRoutingCountsIdleTimePerChannel(optimized: Bool, worker: Int) {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("first == true", [C.target(0, expression: "worker.n == task.n")])], default: C.target(0)),
            groups: [C.group("a", attributes: ["n": 0], capacities: [C.voice: 1, C.chat: 1]),
                     C.group("b", attributes: ["n": 1], capacities: [C.voice: 1, C.chat: 1])],
            arrivals: [
                C.calls("voice-b", at: [1], handle: 3, attributes: ["first": true, "n": 1]),
                C.calls("chat-a", at: [2], handle: 3, channel: C.chat, attributes: ["first": true, "n": 0]),
                C.calls("voice", at: [10], handle: 3),
            ],
            channelOptimized: optimized)
        let offers = C.run(spec).0.offers
        #expect(offers.map(\.worker) == [1, 0, worker])
    }

    /// A task that is only ever rejected is canceled at its 1,000th pending-to-reserved
    /// transition; a burst of parallel reservations counts once.
    @Test(arguments: [1, 2])
    func maxAssignmentCountCancelsTheTask(parallel: Int) {
        let spec = C.spec(
            queues: [C.queue("Q", maxReserved: parallel)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("rejecters", count: parallel, answer: AnswerBehavior(delay: .fixed(0), reject: 1, noAnswer: 0, backAfterTimeout: nil))],
            arrivals: [C.calls(at: [1])])
        let (sink, _) = C.run(spec)
        #expect(sink.reservations.count == 1_000 * parallel)
        #expect(sink.reservations.allSatisfy { $0.status == .rejected })
        let task = sink.tasksInOrder[0]
        #expect(task.status == .canceled)
        #expect(task.reason == .canceled(.maxAssignments))
        #expect(task.reservationCount == 1_000 * parallel)
    }

    /// A worker channel switched off (`available: false`) keeps its capacity but gets no
    /// task of that channel; the worker's other channels are unaffected.
    @Test func unavailableWorkerChannelGetsNoTasks() {
        var off = C.group("chat-off", capacities: [C.voice: 1, C.chat: 2])
        off.unavailableChannels = [C.chat]
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [off, C.group("chat-on", capacities: [C.chat: 1])],
            arrivals: [C.calls("chat", at: [1, 2], handle: 10, channel: C.chat), C.calls("voice", at: [3], handle: 10)])
        #expect(C.run(spec).0.offers == [
            Offer(task: 0, worker: 1, at: 1), Offer(task: 1, worker: 1, at: 11), Offer(task: 2, worker: 0, at: 3),
        ].sorted { $0.at < $1.at })
    }
}
