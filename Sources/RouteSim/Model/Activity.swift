/// A TaskRouter Activity (`WA…`): a state a worker can be in.
///
/// Only `available` activities let a worker receive new reservations. Activities are
/// referred to by their index in ``Workspace/activities``.
public struct Activity: Sendable, Equatable {
    /// The `WA…` SID.
    public var sid: String
    /// TaskRouter's `friendly_name`, unique within the workspace.
    public var friendlyName: String
    /// Whether a worker in this activity can be offered new tasks.
    public var available: Bool

    public init(sid: String, friendlyName: String, available: Bool) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.available = available
    }
}
