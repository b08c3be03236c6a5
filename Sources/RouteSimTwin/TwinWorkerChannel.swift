/// A worker's capacity and availability on one task channel (`WC…`).
public struct TwinWorkerChannel: Sendable {
    /// The `WC…` SID.
    public var sid: String
    /// `configured_capacity`: how many tasks of the channel at once; 0 offers none.
    public var capacity: Int
    /// `available`: whether the worker takes new tasks of the channel.
    public var available: Bool
}
