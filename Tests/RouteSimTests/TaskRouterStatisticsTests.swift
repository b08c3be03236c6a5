import RouteSim
import RouteSimKernel
import Testing

/// TaskRouter's statistics documents (docs/taskrouter-fidelity.md, Statistics) on tiny hand-built centers:
/// cumulative counters and waits, `split_by_wait_time`, the warm-up window, real-time
/// snapshots (task statuses, longest waiting task, eligible and available workers,
/// activities), worker activity durations, and determinism.
@Suite struct TaskRouterStatisticsTests {
    typealias C = TestCenter

    /// The SID of task `ordinal` in a `TestCenter` run (seed 7).
    static func task(_ ordinal: Int) -> String {
        "\"" + SidGenerator(seed: 7).sid(.task, ordinal) + "\""
    }

    /// One agent answering after 2 s: tasks at 0 and 1 are accepted after waits of 2
    /// and 33 s; two callers hang up after 25 s and one after 4 s.
    static let oneAgent = C.spec(
        queues: [C.queue("Q")],
        workflow: C.workflow([], default: C.target(0)),
        groups: [C.group("agent", answer: C.answering(after: 2))],
        arrivals: [
            C.calls("calls", at: [0, 1], handle: 30),
            C.calls("hangups", at: [5, 6], patience: 25),
            C.calls("quick", at: [7], patience: 4),
        ],
        horizon: 100)

    @Test func cumulativeCountsWaitsAndSplit() {
        let (_, result) = C.run(Self.oneAgent)
        let workspace = C.statistics(result, .workspace)
        #expect(C.member("tasks_created", of: workspace) == "5")
        #expect(C.member("tasks_canceled", of: workspace) == "3")
        #expect(C.member("tasks_completed", of: workspace) == "2")
        #expect(C.member("tasks_deleted", of: workspace) == "0")
        #expect(C.member("tasks_moved", of: workspace) == "0")
        #expect(C.member("tasks_timed_out_in_workflow", of: workspace) == "0")
        #expect(C.member("reservations_created", of: workspace) == "2")
        #expect(C.member("reservations_accepted", of: workspace) == "2")
        #expect(C.member("reservations_rejected", of: workspace) == "0")
        #expect(C.member("avg_task_acceptance_time", of: workspace) == "17.5")
        #expect(C.member("wait_duration_until_accepted", of: workspace) == #"{"avg":17.5,"max":33,"min":2,"total":35}"#)
        #expect(C.member("wait_duration_until_canceled", of: workspace) == #"{"avg":18,"max":25,"min":4,"total":54}"#)
        #expect(C.member("split_by_wait_time", of: workspace) == #"{"20":{"above":{"reservations_accepted":1,"tasks_canceled":2},"#
            + #""below":{"reservations_accepted":1,"tasks_canceled":1}}}"#)
        #expect(C.member("start_time", of: workspace) == "0")
        #expect(C.member("end_time", of: workspace) == "100")
        #expect(C.member("workspace_sid", of: workspace) == #""WS0""#)

        let queue = C.statistics(result, .taskQueue, 0)
        #expect(C.member("tasks_entered", of: queue) == "5")
        #expect(C.member("tasks_created", of: queue) == nil)
        #expect(C.member("tasks_timed_out_in_workflow", of: queue) == nil)
        #expect(C.member("wait_duration_in_queue_until_accepted", of: queue) == #"{"avg":17.5,"max":33,"min":2,"total":35}"#)
        #expect(C.member("task_queue_sid", of: queue) == #""WQQ""#)
        let workflow = C.statistics(result, .workflow, 0)
        #expect(C.member("tasks_entered", of: workflow) == "5")
        #expect(C.member("tasks_canceled", of: workflow) == "3")
        #expect(C.member("wait_duration_in_queue_until_accepted", of: workflow) == nil)

        let worker = C.statistics(result, .worker, 0)
        #expect(C.member("reservations_created", of: worker) == "2")
        #expect(C.member("reservations_accepted", of: worker) == "2")
        #expect(C.member("activity_durations", of: worker) == #"[{"avg":0,"friendly_name":"Offline","max":0,"min":0,"sid":"WA0","total":0},"#
            + #"{"avg":100,"friendly_name":"Available","max":100,"min":100,"sid":"WA1","total":100},"#
            + #"{"avg":0,"friendly_name":"Unavailable","max":0,"min":0,"sid":"WA2","total":0}]"#)
    }

    @Test func cumulativeCountsOnlyEventsAfterTheWarmup() {
        var spec = Self.oneAgent
        spec.warmup = 10
        let (_, result) = C.run(spec)
        let workspace = C.statistics(result, .workspace)
        #expect(C.member("tasks_created", of: workspace) == "0")
        #expect(C.member("tasks_canceled", of: workspace) == "3")
        #expect(C.member("tasks_completed", of: workspace) == "2")
        #expect(C.member("reservations_created", of: workspace) == "1")
        #expect(C.member("wait_duration_until_accepted", of: workspace) == #"{"avg":33,"max":33,"min":33,"total":33}"#)
        #expect(C.member("wait_duration_until_canceled", of: workspace) == #"{"avg":18,"max":25,"min":4,"total":54}"#)
        #expect(C.member("split_by_wait_time", of: workspace) == #"{"20":{"above":{"reservations_accepted":1,"tasks_canceled":2},"#
            + #""below":{"reservations_accepted":0,"tasks_canceled":1}}}"#)
        #expect(C.member("start_time", of: workspace) == "10")
        #expect(C.member("tasks_entered", of: C.statistics(result, .taskQueue, 0)) == "0")
        let worker = C.statistics(result, .worker, 0)
        #expect(C.member("reservations_accepted", of: worker) == "1")
        #expect(C.member("activity_durations", of: worker)?.contains(#""max":90,"min":90,"sid":"WA1","total":90}"#) == true)
    }

    /// Four tasks, one in each active status at t = 60: wrapping (queue W), assigned
    /// (queue A), reserved and pending (queue R, whose second member is off shift).
    static let everyStatus: SimulationSpec = {
        var spec = C.spec(
            queues: [C.queue("W", "team == \"w\""), C.queue("A", "team == \"a\""), C.queue("R", "team == \"r\"")],
            workflow: C.workflow([
                C.filter("kind == \"w\"", [C.target(0)]),
                C.filter("kind == \"a\"", [C.target(1)]),
                C.filter("kind == \"r\"", [C.target(2)]),
            ], reservationTimeout: 1000),
            groups: [
                C.group("w", attributes: ["team": "w"]),
                C.group("a", attributes: ["team": "a"]),
                C.group("r", attributes: ["team": "r"], answer: C.answering(after: 500)),
                C.group("late", attributes: ["team": "r"], shifts: [Shift(start: 500, end: 2000)]),
            ],
            arrivals: [
                C.calls("wrap", at: [0], handle: 10, attributes: ["kind": "w"], wrapup: 1000),
                C.calls("talk", at: [0], handle: 1000, attributes: ["kind": "a"]),
                C.calls("ring", at: [0], attributes: ["kind": "r"], priority: 5),
                C.calls("wait", at: [1], attributes: ["kind": "r"], priority: 2),
            ],
            horizon: 120)
        spec.interval = 60
        return spec
    }()

    @Test func realtimeStatusesAndLongestWaitingTask() {
        let (_, result) = C.run(Self.everyStatus)
        #expect(result.statistics.filter { $0.scope == .realtime }.map(\.time) == Array(repeating: 60, count: 5) + Array(repeating: 120, count: 5))
        let workspace = C.statistics(result, .workspace, realtimeAt: 60)
        #expect(C.member("total_tasks", of: workspace) == "4")
        #expect(C.member("tasks_by_status", of: workspace) == #"{"assigned":1,"pending":1,"reserved":1,"wrapping":1}"#)
        #expect(C.member("tasks_by_priority", of: workspace) == #"{"2":1,"5":1}"#)
        // The reserved task is older, but only a pending task is waiting.
        #expect(C.member("longest_task_waiting_age", of: workspace) == "59")
        #expect(C.member("longest_task_waiting_sid", of: workspace) == Self.task(3))
        #expect(C.member("total_workers", of: workspace) == "4")
        #expect(C.member("activity_statistics", of: workspace) == #"[{"friendly_name":"Offline","sid":"WA0","workers":1},"#
            + #"{"friendly_name":"Available","sid":"WA1","workers":3},{"friendly_name":"Unavailable","sid":"WA2","workers":0}]"#)

        let wrapping = C.statistics(result, .taskQueue, 0, realtimeAt: 60)
        #expect(C.member("tasks_by_status", of: wrapping) == #"{"assigned":0,"pending":0,"reserved":0,"wrapping":1}"#)
        #expect(C.member("tasks_by_priority", of: wrapping) == "{}")
        #expect(C.member("longest_task_waiting_sid", of: wrapping) == "null")
        #expect(C.member("longest_task_waiting_age", of: wrapping) == "0")
        let assigned = C.statistics(result, .taskQueue, 1, realtimeAt: 60)
        #expect(C.member("tasks_by_status", of: assigned) == #"{"assigned":1,"pending":0,"reserved":0,"wrapping":0}"#)

        let queue = C.statistics(result, .taskQueue, 2, realtimeAt: 60)
        #expect(C.member("total_tasks", of: queue) == "2")
        #expect(C.member("tasks_by_status", of: queue) == #"{"assigned":0,"pending":1,"reserved":1,"wrapping":0}"#)
        #expect(C.member("longest_relative_task_age_in_queue", of: queue) == "59")
        #expect(C.member("longest_relative_task_sid_in_queue", of: queue) == Self.task(3))
        // Both members count as eligible; the off-shift one is not available, the busy one is.
        #expect(C.member("total_eligible_workers", of: queue) == "2")
        #expect(C.member("total_available_workers", of: queue) == "1")
        #expect(C.member("activity_statistics", of: queue) == #"[{"friendly_name":"Offline","sid":"WA0","workers":1},"#
            + #"{"friendly_name":"Available","sid":"WA1","workers":1},{"friendly_name":"Unavailable","sid":"WA2","workers":0}]"#)

        let workflow = C.statistics(result, .workflow, 0, realtimeAt: 60)
        #expect(C.member("tasks_by_status", of: workflow) == #"{"assigned":1,"pending":1,"reserved":1,"wrapping":1}"#)
        #expect(C.member("longest_task_waiting_age", of: workflow) == "59")
        #expect(C.member("total_eligible_workers", of: workflow) == nil)
        #expect(C.member("longest_task_waiting_age", of: C.statistics(result, .workspace, realtimeAt: 120)) == "119")
    }

    @Test func snapshotsSeeTimeoutsEscalationAndEventsBeforeTheBoundaryOnly() {
        var spec = C.spec(
            queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 10), C.target(1)])], reservationTimeout: 5),
            groups: [
                C.group("zero", attributes: ["team": 0], answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: nil)),
                C.group("one", attributes: ["team": 1], shifts: [Shift(start: 20, end: 100)]),
            ],
            arrivals: [C.calls(at: [0], handle: 10)],
            horizon: 60)
        spec.interval = 5
        let (_, result) = C.run(spec)
        // At 5 the time-out at 5 is not yet seen: the task is still reserved.
        #expect(C.member("tasks_by_status", of: C.statistics(result, .taskQueue, 0, realtimeAt: 5))
            == #"{"assigned":0,"pending":0,"reserved":1,"wrapping":0}"#)
        let waiting = C.statistics(result, .taskQueue, 0, realtimeAt: 10)
        #expect(C.member("tasks_by_status", of: waiting) == #"{"assigned":0,"pending":1,"reserved":0,"wrapping":0}"#)
        #expect(C.member("longest_task_waiting_age", of: waiting) == "10")
        #expect(C.member("total_eligible_workers", of: waiting) == "1")
        #expect(C.member("total_available_workers", of: waiting) == "0")
        let moved = C.statistics(result, .taskQueue, 1, realtimeAt: 15)
        #expect(C.member("longest_task_waiting_age", of: moved) == "15")
        #expect(C.member("longest_relative_task_age_in_queue", of: moved) == "5")
        #expect(C.member("total_tasks", of: C.statistics(result, .taskQueue, 0, realtimeAt: 15)) == "0")
        // Completed at 30: still assigned in the snapshot at 30, gone at 35.
        #expect(C.member("total_tasks", of: C.statistics(result, .workspace, realtimeAt: 30)) == "1")
        #expect(C.member("total_tasks", of: C.statistics(result, .workspace, realtimeAt: 35)) == "0")

        let left = C.statistics(result, .taskQueue, 0)
        #expect(C.member("tasks_moved", of: left) == "1")
        #expect(C.member("reservations_created", of: left) == "1")
        #expect(C.member("reservations_timed_out", of: left) == "1")
        let entered = C.statistics(result, .taskQueue, 1)
        #expect(C.member("tasks_moved", of: entered) == "0")
        #expect(C.member("reservations_accepted", of: entered) == "1")
        #expect(C.member("wait_duration_until_accepted", of: entered) == #"{"avg":20,"max":20,"min":20,"total":20}"#)
        #expect(C.member("wait_duration_in_queue_until_accepted", of: entered) == #"{"avg":10,"max":10,"min":10,"total":10}"#)
        // A wait equal to the threshold is above it.
        #expect(C.member("split_by_wait_time", of: entered)?.hasPrefix(#"{"20":{"above":{"reservations_accepted":1"#) == true)
        #expect(C.member("tasks_moved", of: C.statistics(result, .workspace)) == "1")
        #expect(C.member("tasks_moved", of: C.statistics(result, .workflow, 0)) == "1")
        #expect(C.member("end_time", of: C.statistics(result, .workspace)) == "60")

        let zero = C.statistics(result, .worker, 0)
        #expect(C.member("reservations_timed_out", of: zero) == "1")
        #expect(C.member("activity_durations", of: zero)?.hasPrefix(
            #"[{"avg":55,"friendly_name":"Offline","max":55,"min":55,"sid":"WA0","total":55},{"avg":5,"#) == true)
    }

    @Test func workerActivityDurationsAreSpansClippedToTheWindow() {
        var spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", shifts: [
                Shift(start: 20, end: 100, breaks: [ShiftBreak(at: 50, length: 10, activity: C.unavailable)]),
            ])],
            arrivals: [],
            horizon: 150)
        spec.interval = 55
        let all = C.statistics(C.run(spec).1, .worker, 0)
        #expect(C.member("activity_durations", of: all) == #"[{"avg":35,"friendly_name":"Offline","max":50,"min":20,"sid":"WA0","total":70},"#
            + #"{"avg":35,"friendly_name":"Available","max":40,"min":30,"sid":"WA1","total":70},"#
            + #"{"avg":10,"friendly_name":"Unavailable","max":10,"min":10,"sid":"WA2","total":10}]"#)
        spec.warmup = 30
        let (_, result) = C.run(spec)
        #expect(C.member("activity_durations", of: C.statistics(result, .worker, 0)) == #"[{"avg":50,"friendly_name":"Offline","max":50,"min":50,"sid":"WA0","total":50},"#
            + #"{"avg":30,"friendly_name":"Available","max":40,"min":20,"sid":"WA1","total":60},"#
            + #"{"avg":10,"friendly_name":"Unavailable","max":10,"min":10,"sid":"WA2","total":10}]"#)
        #expect(C.member("activity_statistics", of: C.statistics(result, .workspace, realtimeAt: 55))
            == #"[{"friendly_name":"Offline","sid":"WA0","workers":0},{"friendly_name":"Available","sid":"WA1","workers":0},"#
            + #"{"friendly_name":"Unavailable","sid":"WA2","workers":1}]"#)
        #expect(C.member("total_available_workers", of: C.statistics(result, .taskQueue, 0, realtimeAt: 110)) == "0")
        #expect(C.member("total_eligible_workers", of: C.statistics(result, .taskQueue, 0, realtimeAt: 110)) == "1")
    }

    @Test func tiesGoToTheLowerTaskAndWorkflowTimeoutsCount() {
        // Tasks 0 and 1 end at 1 and free their slots; tasks 2 and 3 arrive together at 10
        // in the reused slots in reverse order, and wait in a queue without members.
        var spec = C.spec(
            queues: [C.queue("X", "team == 1"), C.queue("Y", "team == 9")],
            workflow: C.workflow([
                C.filter("kind == \"x\"", [C.target(0)]), C.filter("1==1", [C.target(1, timeout: 100)]),
            ]),
            groups: [C.group("agent", count: 2, attributes: ["team": 1])],
            arrivals: [C.calls("early", at: [0, 0], handle: 1, attributes: ["kind": "x"]), C.calls("late", at: [10, 10, 12])],
            horizon: 20)
        spec.interval = 20
        let (_, result) = C.run(spec)
        let queue = C.statistics(result, .taskQueue, 1, realtimeAt: 20)
        #expect(C.member("tasks_by_status", of: queue) == #"{"assigned":0,"pending":3,"reserved":0,"wrapping":0}"#)
        #expect(C.member("tasks_by_priority", of: queue) == #"{"0":3}"#)
        #expect(C.member("longest_task_waiting_age", of: queue) == "10")
        #expect(C.member("longest_task_waiting_sid", of: queue) == Self.task(2))
        #expect(C.member("longest_relative_task_sid_in_queue", of: queue) == Self.task(2))
        #expect(C.member("total_available_workers", of: queue) == "0")
        #expect(C.member("total_eligible_workers", of: queue) == "0")

        let workspace = C.statistics(result, .workspace)
        #expect(C.member("tasks_timed_out_in_workflow", of: workspace) == "3")
        #expect(C.member("tasks_canceled", of: workspace) == "3")
        #expect(C.member("wait_duration_until_canceled", of: workspace) == #"{"avg":100,"max":100,"min":100,"total":300}"#)
        #expect(C.member("tasks_timed_out_in_workflow", of: C.statistics(result, .workflow, 0)) == "3")
        #expect(C.member("tasks_canceled", of: C.statistics(result, .taskQueue, 1)) == "3")
        #expect(C.member("tasks_completed", of: C.statistics(result, .taskQueue, 0)) == "2")
    }

    @Test func aTaskInNoQueueCountsForTheWorkspaceAndWorkflowOnly() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([C.filter("lang == \"de\"", [C.target(0)])]),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [0])],
            horizon: 50)
        let (_, result) = C.run(spec)
        #expect(C.member("tasks_canceled", of: C.statistics(result, .workspace)) == "1")
        #expect(C.member("tasks_canceled", of: C.statistics(result, .workflow, 0)) == "1")
        #expect(C.member("tasks_canceled", of: C.statistics(result, .taskQueue, 0)) == "0")
        #expect(C.member("tasks_entered", of: C.statistics(result, .taskQueue, 0)) == "0")
    }

    @Test func parallelReservationsRescindAndRejectionsCount() {
        var spec = C.spec(
            queues: [C.queue("Q", maxReserved: 2)],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("fast", answer: C.answering(after: 2)), C.group("slow", answer: C.answering(after: 5))],
            arrivals: [C.calls(at: [0], handle: 10)],
            horizon: 3)
        spec.interval = 1
        let (_, result) = C.run(spec)
        let workspace = C.statistics(result, .workspace)
        #expect(C.member("reservations_created", of: workspace) == "2")
        #expect(C.member("reservations_accepted", of: workspace) == "1")
        #expect(C.member("reservations_rescinded", of: workspace) == "1")
        #expect(C.member("reservations_rescinded", of: C.statistics(result, .worker, 1)) == "1")
        #expect(C.member("reservations_accepted", of: C.statistics(result, .worker, 0)) == "1")
        let statuses = [1.0, 2, 3].map { C.member("tasks_by_status", of: C.statistics(result, .workspace, realtimeAt: $0)) }
        #expect(statuses == [
            #"{"assigned":0,"pending":0,"reserved":1,"wrapping":0}"#, #"{"assigned":0,"pending":0,"reserved":1,"wrapping":0}"#,
            #"{"assigned":1,"pending":0,"reserved":0,"wrapping":0}"#,
        ])

        let rejecting = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("no", answer: AnswerBehavior(delay: .fixed(1), reject: 1, noAnswer: 0, backAfterTimeout: nil))],
            arrivals: [C.calls(at: [0])])
        let rejected = C.run(rejecting).1
        // TaskRouter cancels the task at its 1,000th pending-to-reserved transition.
        #expect(C.member("reservations_rejected", of: C.statistics(rejected, .workspace)) == "1000")
        #expect(C.member("reservations_rejected", of: C.statistics(rejected, .worker, 0)) == "1000")
        #expect(C.member("wait_duration_until_canceled", of: C.statistics(rejected, .taskQueue, 0)) == #"{"avg":1000,"max":1000,"min":1000,"total":1000}"#)
    }

    @Test func documentsAreDeterministicAndIndependentOfEventRecording() {
        var spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", count: 3, answer: AnswerBehavior(delay: .exponential(mean: 4), reject: 0.1, noAnswer: 0.05, backAfterTimeout: .fixed(30)))],
            arrivals: [ArrivalStream(
                name: "calls", channel: C.voice, workflow: 0, process: .poisson(ratePerSecond: 0.05),
                handleTime: .exponential(mean: 50), wrapupTime: .fixed(5), patience: .exponential(mean: 60))],
            horizon: 3600)
        spec.interval = 600
        spec.warmup = 300
        let first = C.run(spec).1.statistics
        let second = C.run(spec).1.statistics
        #expect(first == second)
        #expect(C.run(spec, events: true).1.statistics == first)
        spec.workspace.eventsFilter = ["task.created"]
        #expect(C.run(spec, events: true).1.statistics == first)
        #expect(first.count == 6 * 3 + 3 + 3)
        #expect(first.map(\.scope) == Array(repeating: .realtime, count: 18) + Array(repeating: .cumulative, count: 6))
        #expect(first.suffix(6).map(\.kind) == [.workspace, .taskQueue, .workflow, .worker, .worker, .worker])
        #expect(first.suffix(3).map(\.name) == ["agent-001", "agent-002", "agent-003"])
    }
}
