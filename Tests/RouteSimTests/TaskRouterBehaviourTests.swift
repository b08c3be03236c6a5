import RouteSim
import RouteSimKernel
import Testing

/// The fifteen behaviours of docs/taskrouter-fidelity.md: one test per behaviour, each a tiny
/// center whose TaskRouter event timeline is asserted in full. That document maps each
/// behaviour to its test.
@Suite struct TaskRouterBehaviourTests {
    typealias C = TestCenter

    /// The run's events as "time type" plus the worker (`w0`) of reservation and worker
    /// events and the queue (`q0`) of queue events. The run checks its heaps' order after
    /// every mutation (``InternalChecks/heapOrder``): these centers are tiny and reach most
    /// of the routing code.
    static func timeline(_ spec: SimulationSpec) -> [String] {
        InternalChecks.$heapOrder.withValue(true) { C.run(spec, events: true) }.0.events.map { event in
            var line = "\(event.time) \(event.type.name)"
            let name = event.type.name
            if name.hasPrefix("reservation.") || name.hasPrefix("worker."), let worker = event.worker { line += " w\(worker)" }
            if name.hasPrefix("task-queue."), let queue = event.queue { line += " q\(queue)" }
            if name == "task.canceled", let reason = event.reason { line += " (\(reason.text))" }
            return line
        }
    }

    static let created = ["workflow.entered", "task-queue.entered", "task.created", "workflow.target-matched"]

    /// The creation events of a task at `time` entering queue `queue`.
    static func creation(at time: Double, queue: Int) -> [String] {
        ["\(time) workflow.entered", "\(time) task-queue.entered q\(queue)", "\(time) task.created",
         "\(time) workflow.target-matched"]
    }

    /// 1. The first matching filter wins, top to bottom; the default filter only when none matched.
    @Test func behaviour01FilterMatching() {
        let spec = C.spec(
            queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1"), C.queue("Q2", "team == 2")],
            workflow: C.workflow([C.filter("lang == \"fr\"", [C.target(1)]), C.filter("lang != null", [C.target(0)])], default: C.target(2)),
            groups: [],
            arrivals: [C.calls("fr", at: [1], attributes: ["lang": "fr"], timeout: 5),
                       C.calls("none", at: [2], timeout: 5)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 1) + Self.creation(at: 2, queue: 2) + [
            "6.0 task.canceled (Task TTL Exceeded)", "7.0 task.canceled (Task TTL Exceeded)",
        ])
    }

    /// 2. Targets escalate on the task-age clock; after the last one the task falls out of
    /// the workflow (never into the default filter).
    @Test func behaviour02TargetEscalation() {
        let spec = C.spec(
            queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1"), C.queue("Q2", "team == 2")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 10), C.target(1, timeout: 5)])], default: C.target(2)),
            groups: [C.group("two", attributes: ["team": 2])],
            arrivals: [C.calls(at: [0])])
        #expect(Self.timeline(spec) == Self.creation(at: 0, queue: 0) + [
            "10.0 task-queue.timeout q0", "10.0 task-queue.moved q0", "10.0 workflow.target-matched",
            "10.0 task-queue.entered q1", "15.0 task-queue.timeout q1", "15.0 workflow.timeout",
            "15.0 task.canceled (Task canceled on Workflow timeout)",
        ])
    }

    /// 3. Queue membership is `target_workers` over worker attributes, whatever the activity.
    @Test func behaviour03QueueMembership() {
        let spec = C.spec(
            queues: [C.queue("Spanish", "languages HAS \"es\"")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("en", attributes: ["languages": ["en"]]), C.group("es", attributes: ["languages": ["es"]])],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 reservation.created w1", "1.0 reservation.accepted w1", "11.0 task.completed",
            "11.0 reservation.completed w1",
        ])
    }

    /// 4. Eligibility: member, target expression, available activity, free capacity.
    @Test func behaviour04WorkerEligibility() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, expression: "worker.level >= 2")])]),
            groups: [
                C.group("junior", attributes: ["level": 1]),
                C.group("senior-on-break", attributes: ["level": 3], shifts: [Shift(start: 0, end: 100, breaks: [ShiftBreak(at: 0, length: 5, activity: C.unavailable)])]),
            ],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "5.0 worker.activity.update w1", "5.0 reservation.created w1", "5.0 reservation.accepted w1",
            "15.0 task.completed", "15.0 reservation.completed w1", "100.0 worker.activity.update w1",
        ])
    }

    /// 5. FIFO queues: priority, then age; LIFO queues: newest first.
    @Test func behaviour05TaskPrecedence() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls("low", at: [0, 1], handle: 10), C.calls("high", at: [2], handle: 10, priority: 7)])
        let reservations = Self.timeline(spec).filter { $0.contains("reservation.created") }
        #expect(reservations == ["0.0 reservation.created w0", "10.0 reservation.created w0", "20.0 reservation.created w0"])
        let order = C.run(spec).0.offers.map(\.task)
        #expect(order == [0, 2, 1])
    }

    /// 6. Worker precedence: `order_by`, then longest idle.
    @Test func behaviour06WorkerPrecedence() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, orderBy: [OrderByClause(path: ["skill"], descending: true)])])]),
            groups: [C.group("a", count: 2, attributes: ["skill": 1]), C.group("b", attributes: ["skill": 5])],
            arrivals: [C.calls(at: [1, 2, 3], handle: 100)])
        let reservations = Self.timeline(spec).filter { $0.contains("reservation.created") }
        #expect(reservations == ["1.0 reservation.created w2", "2.0 reservation.created w0", "3.0 reservation.created w1"])
    }

    /// 7. A pending reservation holds a unit of capacity; wrap-up keeps it.
    @Test func behaviour07CapacityAccounting() {
        let spec = C.spec(
            queues: [C.queue("Chat")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("chat", capacities: [C.chat: 1], answer: C.answering(after: 3))],
            arrivals: [C.calls(at: [0, 1], handle: 5, channel: C.chat, wrapup: 2)])
        #expect(Self.timeline(spec).filter { $0.contains("reservation.") } == [
            "0.0 reservation.created w0", "3.0 reservation.accepted w0", "8.0 reservation.wrapup w0",
            "10.0 reservation.completed w0", "10.0 reservation.created w0", "13.0 reservation.accepted w0",
            "18.0 reservation.wrapup w0", "20.0 reservation.completed w0",
        ])
    }

    /// 8. A reservation time-out moves the worker to the timeout activity and re-routes the task.
    @Test func behaviour08ReservationTimeout() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0), reservationTimeout: 15),
            groups: [C.group("deaf", answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: nil)), C.group("ok")],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 reservation.created w0", "16.0 reservation.timeout w0", "16.0 worker.activity.update w0",
            "16.0 reservation.created w1", "16.0 reservation.accepted w1", "26.0 task.completed",
            "26.0 reservation.completed w1",
        ])
    }

    /// 9. A reject frees the worker and re-routes the task (the same worker may get it again).
    @Test func behaviour09Reject() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("picky", answer: AnswerBehavior(delay: .fixed(2), reject: 1, noAnswer: 0, backAfterTimeout: nil)), C.group("ok")],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 reservation.created w0", "3.0 reservation.rejected w0", "3.0 reservation.created w1",
            "3.0 reservation.accepted w1", "13.0 task.completed", "13.0 reservation.completed w1",
        ])
    }

    /// 10. Multi-reservation: parallel offers, first accept wins, the rest are rescinded.
    @Test func behaviour10MultiReservation() {
        let spec = C.spec(
            queues: [C.queue("Q", maxReserved: 2)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("slow", answer: C.answering(after: 4)), C.group("fast", answer: C.answering(after: 1))],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 reservation.created w0", "1.0 reservation.created w1", "2.0 reservation.accepted w1",
            "2.0 reservation.rescinded w0", "12.0 task.completed", "12.0 reservation.completed w1",
        ])
    }

    /// 11. Task states: TTL cancels a waiting task; an assigned task is never canceled.
    @Test func behaviour11TaskStateMachine() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls(at: [0, 1], handle: 50, timeout: 20)])
        #expect(Self.timeline(spec) == Self.creation(at: 0, queue: 0) + [
            "0.0 reservation.created w0", "0.0 reservation.accepted w0",
        ] + Self.creation(at: 1, queue: 0) + [
            "21.0 task.canceled (Task TTL Exceeded)", "50.0 task.completed", "50.0 reservation.completed w0",
        ])
    }

    /// 12. Single-tasking: the queue's reservation and assignment activities; multitasking
    /// leaves the activity alone.
    @Test func behaviour12ActivitySideEffects() {
        let spec = C.spec(
            queues: [C.queue("Q", reservationActivity: C.unavailable, assignmentActivity: C.offline)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one", answer: C.answering(after: 1))],
            arrivals: [C.calls(at: [1], handle: 10)],
            multiTask: false)
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 reservation.created w0", "1.0 worker.activity.update w0", "2.0 reservation.accepted w0",
            "2.0 worker.activity.update w0", "12.0 task.completed", "12.0 reservation.completed w0",
            "12.0 worker.activity.update w0",
        ])
    }

    /// 13. `skip_if` on entering a target nobody can serve now.
    @Test func behaviour13SkipIf() {
        let spec = C.spec(
            queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 60, skipIf: "workers.available == 0"), C.target(1)])]),
            groups: [C.group("one", attributes: ["team": 1])],
            arrivals: [C.calls(at: [1], handle: 10)])
        #expect(Self.timeline(spec) == Self.creation(at: 1, queue: 0) + [
            "1.0 task-queue.moved q0", "1.0 workflow.target-matched", "1.0 task-queue.entered q1",
            "1.0 reservation.created w0", "1.0 reservation.accepted w0", "11.0 task.completed",
            "11.0 reservation.completed w0",
        ])
    }

    /// 14. Events: the `events_filter` keeps only the named types.
    @Test func behaviour14EventsFilter() {
        var spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one")],
            arrivals: [C.calls(at: [1], handle: 10)])
        spec.workspace.eventsFilter = ["reservation.accepted", "task.completed"]
        #expect(Self.timeline(spec) == ["1.0 reservation.accepted w0", "11.0 task.completed"])
    }

    /// 15. Statistics: cumulative counters with `split_by_wait_time`; real-time status
    /// counts where a reserved task is not "waiting", and eligible versus available workers.
    @Test func behaviour15Statistics() {
        var spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("one", answer: C.answering(after: 30)),
                     C.group("off", shifts: [Shift(start: 5_000, end: 6_000)])],
            arrivals: [C.calls(at: [0, 1], handle: 100)],
            horizon: 3_600)
        spec.interval = 10
        let (_, result) = C.run(spec)
        let queue = C.statistics(result, .taskQueue, 0, realtimeAt: 10)
        #expect(C.member("tasks_by_status", of: queue) == #"{"assigned":0,"pending":1,"reserved":1,"wrapping":0}"#)
        #expect(C.member("longest_task_waiting_age", of: queue) == "9")
        #expect(C.member("total_eligible_workers", of: queue) == "2")
        #expect(C.member("total_available_workers", of: queue) == "1")
        let cumulative = C.statistics(result, .workspace)
        #expect(C.member("tasks_created", of: cumulative) == "2")
        #expect(C.member("reservations_accepted", of: cumulative) == "2")
        #expect(C.member("split_by_wait_time", of: cumulative)
            == #"{"20":{"above":{"reservations_accepted":2,"tasks_canceled":0},"below":{"reservations_accepted":0,"tasks_canceled":0}}}"#)
    }
}
