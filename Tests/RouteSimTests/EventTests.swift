import RouteSim
import RouteSimKernel
import Testing

/// TaskRouter events: types, order within an instant, snapshots and `events_filter`.
@Suite struct EventTests {
    typealias C = TestCenter

    @Test func lifeOfAnAnsweredTaskInOrder() {
        let spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent", answer: C.answering(after: 2))],
            arrivals: [C.calls(at: [1], handle: 10, wrapup: 5)])
        let (sink, _) = C.run(spec, events: true)
        #expect(sink.timeline == [
            "1.0 workflow.entered", "1.0 task-queue.entered", "1.0 task.created", "1.0 workflow.target-matched",
            "1.0 reservation.created", "3.0 reservation.accepted", "13.0 task.wrapup", "13.0 reservation.wrapup",
            "18.0 task.completed", "18.0 reservation.completed",
        ])
        let accepted = sink.events[5]
        #expect(accepted.taskStatus == .assigned)
        #expect(accepted.worker == 0)
        #expect(accepted.reservation == 0)
        #expect(accepted.taskAge == 2)
        #expect(sink.events.map(\.index) == Array(0..<10))
        #expect(sink.events[8].reason?.text == "Task completed")
    }

    @Test func escalationTimeoutAndActivityUpdate() {
        let spec = C.spec(
            queues: [C.queue("Q0", "team == 0"), C.queue("Q1", "team == 1")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 10), C.target(1)])], reservationTimeout: 5),
            groups: [
                C.group("zero", attributes: ["team": 0], answer: AnswerBehavior(delay: .fixed(0), reject: 0, noAnswer: 1, backAfterTimeout: nil)),
                C.group("one", attributes: ["team": 1], shifts: [Shift(start: 20, end: 100)]),
            ],
            arrivals: [C.calls(at: [0], handle: 10)])
        let (sink, _) = C.run(spec, events: true)
        #expect(sink.timeline == [
            "0.0 workflow.entered", "0.0 task-queue.entered", "0.0 task.created", "0.0 workflow.target-matched",
            "0.0 reservation.created", "5.0 reservation.timeout", "5.0 worker.activity.update",
            "10.0 task-queue.timeout", "10.0 task-queue.moved", "10.0 workflow.target-matched", "10.0 task-queue.entered",
            "20.0 worker.activity.update", "20.0 reservation.created", "20.0 reservation.accepted",
            "30.0 task.completed", "30.0 reservation.completed",
            "100.0 worker.activity.update",
        ])
        let moved = sink.events[8]
        #expect(moved.queue == 0)
        #expect(sink.events[10].queue == 1)
        let update = sink.events[6]
        #expect(update.worker == 0)
        #expect(update.previousActivity == C.available)
        #expect(update.activity == C.offline)
        #expect(update.timeInPreviousActivity == 5)
    }

    @Test func workflowTimeoutThenCanceled() {
        let spec = C.spec(
            queues: [C.queue("Q", "team == 9")],
            workflow: C.workflow([C.filter("1==1", [C.target(0, timeout: 10)])]),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [0])])
        let (sink, _) = C.run(spec, events: true)
        #expect(sink.timeline.suffix(3) == ["10.0 task-queue.timeout", "10.0 workflow.timeout", "10.0 task.canceled"])
        #expect(sink.events.last?.reason?.text == "Task canceled on Workflow timeout")
    }

    @Test func eventsFilterKeepsOnlyTheNamedTypes() {
        var spec = C.spec(
            queues: [C.queue("Q")],
            workflow: C.workflow([], default: C.target(0)),
            groups: [C.group("agent")],
            arrivals: [C.calls(at: [1, 2], handle: 10, patience: 5)])
        spec.workspace.eventsFilter = ["task.created", "task.canceled"]
        let (sink, _) = C.run(spec, events: true)
        #expect(sink.timeline == ["1.0 task.created", "2.0 task.created", "7.0 task.canceled"])
        #expect(sink.events.last?.reason?.text == "Caller hung up")
        #expect(C.run(spec, events: false).0.events.isEmpty)
    }

    @Test func typeNamesRoundTrip() {
        for type in TaskRouterEventType.allCases { #expect(TaskRouterEventType(name: type.name) == type) }
        #expect(TaskRouterEventType.allCases.count == 49)
        #expect(TaskRouterEventType.taskQueueMoved.resourceType == "taskqueue")
        #expect(TaskRouterEventType(name: "task.nonsense") == nil)
    }
}
