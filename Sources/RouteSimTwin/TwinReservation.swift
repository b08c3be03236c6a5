import RouteSim

/// A reservation as the Reservations resources show it.
public struct TwinReservation: Sendable {
    /// The reservation's number in its workspace (its SID derives from it).
    public var number: Int
    /// The number of its task.
    public var task: Int
    /// Index of its worker in the workspace's workers.
    public var worker: Int
    public var status: ReservationStatus
    public var created: Double
    public var updated: Double
}
