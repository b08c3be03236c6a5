import RouteSim

/// Assignment callbacks: every reservation made in a workflow with an
/// `AssignmentCallbackUrl` is POSTed there (``TwinAssignmentCallbacks``) and its answer is
/// carried out.
///
/// With the manual clock the answers are carried out at the simulated instant the
/// reservations were made: ``moveClock(_:)`` stops the engines at each instant, asks, waits
/// and carries out before it moves on, and every other request that made reservations waits
/// for their answers before it returns (its body shows the state it left, before the
/// answers, as TaskRouter answers before it calls back). While the twin waits, the actor
/// lets other requests in, at the paused instant: the application can act through the REST
/// API while it handles a callback. The answers of one batch are carried out in the order
/// the reservations were made, whatever order they came in, so a run whose application
/// answers the same way is the same run. With the realtime clock, callbacks go out without
/// holding the clock and each answer is carried out when it comes.
extension Twin {
    /// One reservation waiting for its callback: its workspace's SID, its number there, the
    /// callback's fields and the workflow's URLs.
    typealias Assignment = (workspace: String, reservation: Int, fields: [(String, String)], url: String, fallback: String?)

    /// The parameters of a workflow update that routing does not read.
    static let callbackParameters: Set = ["AssignmentCallbackUrl", "FallbackAssignmentCallbackUrl"]

    /// Sends the callbacks of the reservations made so far and carries out their answers,
    /// again for those the answers made, until none is left. With the manual clock it
    /// returns when they are carried out, and with `waitingForOthers` also when those other
    /// requests are waiting for are; with the realtime clock it returns at once
    /// (``sendAssignments()``).
    func answerAssignments(waitingForOthers: Bool = false) async {
        guard clock.mode == .manual else {
            sendAssignments()
            return
        }
        while true {
            let batch = takeAssignments()
            if batch.isEmpty {
                guard waitingForOthers, assignmentsInFlight > 0 else { return }
                await withCheckedContinuation { assignmentWaiters.append($0) }
                continue
            }
            assignmentsInFlight += batch.count
            let sender = assignments
            let answers = await withTaskGroup(of: (Int, TwinAssignmentAnswer).self) { group in
                for (index, assignment) in batch.enumerated() {
                    group.addTask { (index, await sender.ask(assignment.fields, url: assignment.url, fallback: assignment.fallback)) }
                }
                var answers = [TwinAssignmentAnswer](repeating: .failed, count: batch.count)
                for await (index, answer) in group { answers[index] = answer }
                return answers
            }
            for (assignment, answer) in zip(batch, answers) { carryOut(answer, assignment) }
            assignmentsInFlight -= batch.count
            if assignmentsInFlight == 0 {
                let waiters = assignmentWaiters
                assignmentWaiters = []
                for waiter in waiters { waiter.resume() }
            }
        }
    }

    /// With the realtime clock: sends the callbacks of the reservations made so far, each on
    /// its own task, which carries out the answer when it comes.
    func sendAssignments() {
        for assignment in takeAssignments() {
            Task {
                let answer = await assignments.ask(assignment.fields, url: assignment.url, fallback: assignment.fallback)
                carryOut(answer, assignment)
                sendAssignments()
            }
        }
    }

    /// Where ``moveClock(_:)`` stops on its way to `target`: the next instant anything
    /// happens in a workspace with assignment callbacks, `target` when none is before it.
    func nextStop(before target: Double) -> Double {
        var stop = target
        for workspace in workspaces {
            guard let engine = engines[workspace.sid], engine.log.assignments.isOn,
                  let next = engine.simulation.nextEventTime
            else { continue }
            stop = min(stop, max(next, clock.time))
        }
        return stop
    }

    /// The reservations that wait for their callback in every workspace, workspace by
    /// workspace, oldest first; those whose workflow lost its URL since are dropped.
    private func takeAssignments() -> [Assignment] {
        var taken: [Assignment] = []
        let shape = representation("")
        for workspace in workspaces {
            guard let log = engines[workspace.sid]?.log else { continue }
            for event in log.assignments.take() {
                guard let reservation = event.reservation, let index = event.workflow, workspace.workflows.indices.contains(index),
                      let url = workspace.workflows[index].resource.assignmentCallbackUrl, !url.isEmpty
                else { continue }
                taken.append((
                    workspace.sid, reservation, shape.assignmentCallback(event, of: workspace, tasks: log.tasks), url,
                    workspace.workflows[index].resource.fallbackAssignmentCallbackUrl))
            }
        }
        return taken
    }

    /// Carries out `answer` to `assignment`'s callback now. An answer that finds the
    /// reservation no longer pending (answered through the REST API meanwhile, rescinded,
    /// timed out) changes nothing; an `activity_sid` that names no activity of the workspace
    /// is a reject without one.
    private func carryOut(_ answer: TwinAssignmentAnswer, _ assignment: Assignment) {
        guard let owner = try? index(of: assignment.workspace), let engine = engines[assignment.workspace],
              let ordinal = engine.log.reservationOrdinal(assignment.reservation)
        else { return }
        switch answer {
        case .accept:
            engine.simulation.answerReservation(ordinal, accept: true)
        case .reject(let sid):
            let activity = sid.flatMap { try? workspaces[owner].reference(.activities, $0, parameter: "activity_sid") }
            engine.simulation.answerReservation(ordinal, accept: false, activity: activity)
        case .leave:
            return
        case .failed:
            engine.simulation.cancelReservation(ordinal)
        }
        syncWorkers(owner)
    }
}
