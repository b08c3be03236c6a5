import RouteSim

/// The reservations of a workspace's engine that wait for their assignment callback: those
/// made in a workflow with an `AssignmentCallbackUrl`, none when no workflow has one.
///
/// ``TwinEventLog`` offers it every event it records; the ``Twin`` takes the reservations out
/// after each request or clock step that moved the engine and asks ``TwinAssignmentCallbacks``
/// what to do with them. Off, it costs one check per event.
final class TwinAssignmentOutbox {
    /// The `reservation.created` events that wait, oldest first, numbered in the workspace.
    private var waiting: [EventRecord] = []
    /// Per workflow, whether it has an assignment callback URL; empty when none has.
    private var watched: [Bool] = []

    /// Whether any workflow of the workspace has an assignment callback URL.
    var isOn: Bool { !watched.isEmpty }

    /// Watches the workflows of `workspace` that have an assignment callback URL from now on.
    func follow(_ workspace: TwinWorkspace) {
        let flags = workspace.workflows.map { $0.resource.assignmentCallbackUrl?.isEmpty == false }
        watched = flags.contains(true) ? flags : []
    }

    /// Keeps `event` if it made a reservation in a watched workflow.
    @inline(__always)
    func offer(_ event: EventRecord) {
        guard !watched.isEmpty, event.type == .reservationCreated, let workflow = event.workflow,
              watched.indices.contains(workflow), watched[workflow]
        else { return }
        waiting.append(event)
    }

    /// The reservations that waited, oldest first.
    func take() -> [EventRecord] {
        defer { waiting.removeAll() }
        return waiting
    }
}
