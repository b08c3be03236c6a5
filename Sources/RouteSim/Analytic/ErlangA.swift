#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Erlang A (M/M/c+M, callers hang up after exponential patience) in the one case with an
/// elementary closed form: mean patience equal to mean handle time (θ = μ).
///
/// Then every caller in the system, waiting or served, leaves at the same rate μ, so the
/// number in system is that of M/M/∞: Poisson with mean A. P(wait > 0) = P(N >= c) by
/// PASTA, and P(abandon) = θ·E[(N − c)⁺] / λ = (A·P(N >= c) − c·P(N >= c + 1)) / A. The
/// Poisson terms are built by recurrence from e^−A, so A must stay below about 700.
public struct ErlangA: Sendable, Equatable {
    /// Callers per second.
    public var arrivalRate: Double
    /// Mean handle time and mean patience, seconds (both exponential).
    public var meanHandle: Double
    /// Number of agents, c.
    public var agents: Int

    public init(arrivalRate: Double, meanHandle: Double, agents: Int) {
        precondition(agents >= 1 && arrivalRate > 0 && meanHandle > 0, "Erlang A needs agents >= 1 and positive rates")
        self.arrivalRate = arrivalRate
        self.meanHandle = meanHandle
        self.agents = agents
    }

    /// Offered load A in Erlangs: arrival rate × mean handle time.
    public var offeredLoad: Double { arrivalRate * meanHandle }

    /// P(N >= k) for N Poisson with mean A.
    private func tail(from k: Int) -> Double {
        let load = offeredLoad
        var term = exp(-load)
        var below = 0.0
        for n in 0..<k {
            below += term
            term *= load / Double(n + 1)
        }
        return max(0, 1 - below)
    }

    /// P(wait > 0).
    public var probabilityOfWait: Double { tail(from: agents) }

    /// P(abandon): the fraction of callers who hang up.
    public var probabilityOfAbandon: Double {
        let load = offeredLoad
        return (load * tail(from: agents) - Double(agents) * tail(from: agents + 1)) / load
    }

    /// Mean wait of all callers, seconds: P(abandon) / θ (Little's law on the abandonment flow).
    public var meanWait: Double { probabilityOfAbandon * meanHandle }
}
