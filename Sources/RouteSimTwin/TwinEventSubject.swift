import RouteSim

/// What an event the twin makes for a change of configuration through the API names (a
/// worker, activity, channel, queue, workflow or the workspace), captured when the event
/// is made: a deleted resource's event still names it.
///
/// The engine's events name resources by index and are rendered against the workspace as
/// it is; these carry their resource's SID, its path and their `event_data` instead
/// (``TwinRepresentation/event(_:subject:of:tasks:)``).
struct TwinEventSubject: Sendable {
    /// The resource's SID (`resource_sid`).
    let sid: String
    /// The resource's path under its workspace's URL, e.g. `/Workers/WK…`.
    let path: String
    /// The event's `event_data`, with TaskRouter's keys.
    let data: [String: AttributeValue]
}
