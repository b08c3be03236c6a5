/// A TaskRouter TaskChannel (`TC…`): a kind of work (voice, chat, ...).
///
/// Capacity is configured per worker and channel (``WorkerGroup/capacities``), not here.
public struct TaskChannel: Sendable, Equatable {
    /// The `TC…` SID.
    public var sid: String
    /// TaskRouter's `unique_name` (`voice`, `chat`, ...), the name scenarios use.
    public var uniqueName: String
    /// TaskRouter's `friendly_name`.
    public var friendlyName: String
    /// When true, the longest-idle worker is judged by its last reservation on this
    /// channel rather than on any channel (docs/taskrouter-fidelity.md, Matching).
    public var channelOptimizedRouting: Bool

    public init(sid: String, uniqueName: String, friendlyName: String, channelOptimizedRouting: Bool = true) {
        self.sid = sid
        self.uniqueName = uniqueName
        self.friendlyName = friendlyName
        self.channelOptimizedRouting = channelOptimizedRouting
    }
}
