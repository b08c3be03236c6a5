#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Erlang A (M/M/c+M) for any mean patience, from the stationary law of its birth–death
/// chain: with n callers present, one arrives at rate λ and one leaves at rate
/// min(n, c)·μ + max(n − c, 0)·θ (served, or hanging up while waiting).
///
/// ``ErlangA`` is the closed form for θ = μ; this one takes any θ > 0 but only gives the
/// quantities that follow from the number in system (by PASTA, what an arriving caller
/// finds). The law is summed in logarithms, so hundreds of agents are fine; the chain is cut
/// where its terms fall below 10⁻¹⁴ of the largest.
public struct ErlangAChain: Sendable, Equatable {
    /// Callers per second.
    public var arrivalRate: Double
    /// Mean handle time, seconds (exponential).
    public var meanHandle: Double
    /// Mean patience, seconds (exponential).
    public var meanPatience: Double
    /// Number of agents, c.
    public var agents: Int
    /// P(an arriving caller finds every agent busy).
    public private(set) var probabilityOfWait = 0.0
    /// Mean number of callers waiting.
    public private(set) var meanWaiting = 0.0

    public init(arrivalRate: Double, meanHandle: Double, meanPatience: Double, agents: Int) {
        precondition(agents >= 0 && arrivalRate > 0 && meanHandle > 0 && meanPatience > 0,
                     "Erlang A needs agents >= 0 and positive rates")
        self.arrivalRate = arrivalRate
        self.meanHandle = meanHandle
        self.meanPatience = meanPatience
        self.agents = agents
        var logTerms: [Double] = [0]
        var top = 0.0
        var n = 0
        while true {
            n += 1
            let leaving = Double(min(n, agents)) / meanHandle + Double(max(n - agents, 0)) / meanPatience
            logTerms.append(logTerms[n - 1] + log(arrivalRate / leaving))
            top = max(top, logTerms[n])
            if n > agents, logTerms[n] < top - 32 { break }
        }
        let weights = logTerms.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        probabilityOfWait = weights[agents...].reduce(0, +) / total
        meanWaiting = weights.indices.reduce(0) { $0 + Double(max($1 - agents, 0)) * weights[$1] } / total
    }

    /// Offered load A in Erlangs: arrival rate × mean handle time.
    public var offeredLoad: Double { arrivalRate * meanHandle }

    /// P(abandon): callers hang up at rate θ per waiting caller, so θ·E[waiting] / λ.
    public var probabilityOfAbandon: Double { meanWaiting / meanPatience / arrivalRate }

    /// Mean wait of all callers, answered or not, seconds (Little's law on the queue).
    public var meanWait: Double { meanWaiting / arrivalRate }

    /// An approximation of the service level (answered within `threshold` over answered and
    /// abandoned after it): Erlang C's form 1 − P(wait)·e^(−r·t) with the queue draining at
    /// r = (c − A_answered)/handle + 1/patience, A_answered the load of the callers answered.
    /// It tends to Erlang C's as patience grows; good enough to say where to look first.
    public func serviceLevel(threshold: Double) -> Double {
        let answeredLoad = offeredLoad * (1 - probabilityOfAbandon)
        let drain = max(0, Double(agents) - answeredLoad) / meanHandle + 1 / meanPatience
        return 1 - probabilityOfWait * exp(-drain * threshold)
    }
}
