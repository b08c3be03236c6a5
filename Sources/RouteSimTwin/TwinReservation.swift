import RouteSim

/// A reservation as the Reservations resources show it.
public struct TwinReservation: Sendable {
    /// The reservation's number in its workspace (its SID derives from it).
    public var number: Int
    /// The number of its task.
    public var task: Int
    /// Index of its worker in the workspace's workers; nil once that worker is deleted.
    public var worker: Int?
    /// Its worker's SID and friendly name, set as soon as the command that made it ends
    /// (``TwinEventLog/nameReservations(_:)``): a later delete renumbers the workers.
    public var workerSid = ""
    public var workerName = ""
    public var status: ReservationStatus
    public var created: Double
    public var updated: Double
}
