#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Erlang C: the steady state of M/M/c, one FIFO queue where nobody hangs up.
///
/// The probability of waiting comes from the Erlang B recurrence B(k) = A·B(k−1) / (k + A·B(k−1))
/// (no factorials, so hundreds of agents are fine), then C = c·B / (c − A·(1 − B)). The
/// formulas hold only for a stable queue: offered load A below the number of agents c.
public struct ErlangC: Sendable, Equatable {
    /// Callers per second.
    public var arrivalRate: Double
    /// Mean handle time, seconds (exponential).
    public var meanHandle: Double
    /// Number of agents, c.
    public var agents: Int

    /// Precondition: arrivalRate × meanHandle < agents.
    public init(arrivalRate: Double, meanHandle: Double, agents: Int) {
        precondition(agents >= 1 && arrivalRate > 0 && meanHandle > 0, "Erlang C needs agents >= 1 and positive rates")
        precondition(arrivalRate * meanHandle < Double(agents), "Erlang C needs an offered load below the agent count")
        self.arrivalRate = arrivalRate
        self.meanHandle = meanHandle
        self.agents = agents
    }

    /// Offered load A in Erlangs: arrival rate × mean handle time.
    public var offeredLoad: Double { arrivalRate * meanHandle }

    /// P(wait > 0): the Erlang C formula.
    public var probabilityOfWait: Double {
        let load = offeredLoad
        var blocking = 1.0
        for k in 1...agents {
            blocking = load * blocking / (Double(k) + load * blocking)
        }
        let c = Double(agents)
        return c * blocking / (c - load * (1 - blocking))
    }

    /// P(wait <= `threshold` seconds) over all callers: 1 − C·exp(−(c − A)·t / handle).
    public func serviceLevel(threshold: Double) -> Double {
        1 - probabilityOfWait * exp(-(Double(agents) - offeredLoad) * threshold / meanHandle)
    }

    /// Mean wait of all callers (ASA), seconds: C·handle / (c − A).
    public var averageSpeedOfAnswer: Double {
        probabilityOfWait * meanHandle / (Double(agents) - offeredLoad)
    }

    /// Fraction of agent time busy: A / c.
    public var occupancy: Double { offeredLoad / Double(agents) }

    /// Mean number of callers in the system (waiting or served): λ·ASA + A (Little's law).
    public var meanInSystem: Double { arrivalRate * averageSpeedOfAnswer + offeredLoad }
}
