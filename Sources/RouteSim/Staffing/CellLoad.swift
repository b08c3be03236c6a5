/// The work offered to one worker group in one cell of a staffing search (an interval of
/// the day, or the whole run): callers per second, their mean handle time and patience.
public struct CellLoad: Sendable, Equatable {
    /// Callers per second.
    public var arrivalRate: Double
    /// Mean handle time with wrap-up, seconds; 0 when no caller came.
    public var meanHandle: Double
    /// Mean patience of the callers who hang up, seconds; nil when none does.
    public var meanPatience: Double?

    public init(arrivalRate: Double, meanHandle: Double, meanPatience: Double?) {
        self.arrivalRate = arrivalRate
        self.meanHandle = meanHandle
        self.meanPatience = meanPatience
    }

    /// Offered load in Erlangs: arrival rate × mean handle time.
    public var offeredLoad: Double { arrivalRate * meanHandle }
}
