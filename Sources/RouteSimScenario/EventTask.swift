/// One task as ``TaskRouterEventsReader`` follows it through its events.
struct EventTask {
    var created: Double
    var queue: String?
    var accepted: Double?
    var agent: String?
    /// When the conversation ended (`task.wrapup`).
    var talkEnded: Double?
    var completed: Double?
    var canceled: Double?
    /// Whether the cancel was TaskRouter's own (TTL, workflow time-out), not a hang-up.
    var systemCanceled = false
}
