/// A TaskRouter Worker (`WK…`): one agent of a ``WorkerGroup``.
public struct Worker: Sendable, Equatable {
    /// The `WK…` SID.
    public var sid: String
    /// TaskRouter's `friendly_name`: `<group>-<number>`, or the worker's own name when its
    /// group gives one (``WorkerGroup/workerNames``).
    public var friendlyName: String
    /// Index into ``SimulationSpec/workerGroups``.
    public var group: Int

    public init(sid: String, friendlyName: String, group: Int) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.group = group
    }
}
