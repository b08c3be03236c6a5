import RouteSim

/// A worker created through the API, as the engine will read it.
public struct TwinWorker: Sendable {
    /// The `WK…` SID.
    public var sid: String
    /// `friendly_name`, unique in the workspace ignoring case.
    public var friendlyName: String
    /// The parsed `attributes` object.
    public var attributes: AttributeValue
    /// `attributes` as given, which the API returns as it was sent.
    public var attributesText: String
    /// Index of the worker's activity in the workspace's activities.
    public var activity: Int
    /// `date_status_changed`: simulated time of the last activity change.
    public var statusChanged: Double
    /// One channel per task channel of the workspace, in the same order.
    public var channels: [TwinRecord<TwinWorkerChannel>]
}
