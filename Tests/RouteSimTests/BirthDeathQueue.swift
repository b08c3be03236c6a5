import Foundation

/// M/M/c and M/M/c+M evaluated directly from the birth–death chain of the number in
/// system, truncated where its probabilities vanish, and from what an arriving caller sees
/// (PASTA): an independent reference for ``ErlangC`` and ``ErlangA``, sharing no formula with
/// them.
///
/// The chain moves up at rate λ and down from n at min(n, c)·μ + max(n − c, 0)·θ. A caller
/// who finds n ≥ c in the system waits at queue position k = n − c + 1; at position j the next
/// change is a service completion or an abandonment ahead (rate c·μ + (j − 1)·θ, moving up)
/// or the caller's own abandonment (rate θ).
struct BirthDeathQueue {
    var arrivalRate: Double
    var meanHandle: Double
    /// Mean patience, seconds; nil for callers who never hang up (M/M/c).
    var meanPatience: Double?
    var agents: Int
    /// The states kept: 0...agents + queueLimit.
    var queueLimit = 2_000

    var serviceRate: Double { 1 / meanHandle }
    var abandonRate: Double { meanPatience.map { 1 / $0 } ?? 0 }

    /// The stationary distribution, π(0) ... π(agents + queueLimit).
    var stationary: [Double] {
        var weights = [1.0]
        for n in 1...(agents + queueLimit) {
            let down = Double(min(n, agents)) * serviceRate + Double(max(n - agents, 0)) * abandonRate
            weights.append(weights[n - 1] * arrivalRate / down)
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Over arriving callers, the mean of `value(n)` where n is the number they find, for
    /// the callers who find every agent busy (0 for the others).
    func overWaiting(_ value: (Int) -> Double) -> Double {
        let pi = stationary
        return (agents..<pi.count).reduce(0) { $0 + pi[$1] * value($1) }
    }

    var probabilityOfWait: Double { overWaiting { _ in 1 } }

    /// P(reaching an agent) from queue position `k`.
    func probabilityServed(from k: Int) -> Double {
        let c = Double(agents) * serviceRate
        return (1...k).reduce(1.0) { p, j in p * (c + Double(j - 1) * abandonRate) / (c + Double(j) * abandonRate) }
    }

    /// Mean time in queue from position `k`, until served or hung up.
    func meanWait(from k: Int) -> Double {
        let c = Double(agents) * serviceRate
        var stillWaiting = 1.0
        var wait = 0.0
        for j in stride(from: k, through: 1, by: -1) {
            let leave = c + Double(j) * abandonRate
            wait += stillWaiting / leave
            stillWaiting *= (c + Double(j - 1) * abandonRate) / leave
        }
        return wait
    }

    var probabilityOfAbandon: Double { overWaiting { 1 - probabilityServed(from: $0 - agents + 1) } }

    var meanWait: Double { overWaiting { meanWait(from: $0 - agents + 1) } }

    /// P(wait <= t) when nobody hangs up: from position k the wait is the sum of k
    /// exponential phases of rate c·μ (Erlang-k), P(W > t) = Σ_{j<k} e^(−cμt) (cμt)^j / j!.
    func serviceLevel(threshold t: Double) -> Double {
        let pi = stationary
        let x = Double(agents) * serviceRate * t
        var term = exp(-x)
        var tail = 0.0
        var late = 0.0
        for n in agents..<pi.count {
            tail += term
            term *= x / Double(n - agents + 1)
            late += pi[n] * tail
        }
        return 1 - late
    }
}
