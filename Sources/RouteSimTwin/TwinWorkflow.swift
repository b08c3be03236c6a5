import RouteSim

/// A workflow as the API holds it: the engine's ``Workflow`` (its configuration parsed, its
/// queues resolved to indices) and what routing does not read.
public struct TwinWorkflow: Sendable {
    /// The parsed workflow.
    public var workflow: Workflow
    /// `configuration` exactly as given, which the API returns as it was sent.
    public var configuration: String
    /// `assignment_callback_url`: where each reservation's assignment callback goes
    /// (``Twin/answerAssignments(waitingForOthers:)``).
    public var assignmentCallbackUrl: String?
    /// `fallback_assignment_callback_url`: tried when the first fails.
    public var fallbackAssignmentCallbackUrl: String?
}
