import Foundation
import RouteSim
import Testing

/// ``ErlangA`` (mean patience equal to mean handle), which gives `selftest` its expected
/// values for abandonment, against a case worked by hand and a direct evaluation of the
/// M/M/c+M chain and of each arriving caller's fate (``BirthDeathQueue``).
@Suite struct ErlangATests {
    /// One agent, A = 1: the number in system is Poisson(1), so P(wait > 0) = 1 − 1/e; a
    /// caller who finds n waits at position n and reaches the agent with probability
    /// 1 / (n + 1), so P(abandon) = Σ_{n≥1} e^(−1)·n / (n + 1)! = e^(−1)·Σ_{n≥1} (1/n! −
    /// 1/(n + 1)!) = 1/e, and the mean wait P(abandon) × patience = 100 s / e for 100 s.
    @Test func singleAgentByHand() {
        let queue = ErlangA(arrivalRate: 0.01, meanHandle: 100, agents: 1)
        #expect(abs(queue.probabilityOfWait - (1 - exp(-1))) < 1e-12)
        #expect(abs(queue.probabilityOfAbandon - exp(-1)) < 1e-12)
        #expect(abs(queue.meanWait - 100 * exp(-1)) < 1e-9)
    }

    /// Under- and overloaded centers up to 60 agents: P(wait > 0), P(abandon) and the mean
    /// wait agree with the chain to 1e-9 (relative).
    @Test(arguments: [
        (arrivals: 10.0 / 180, handle: 180.0, agents: 8), (arrivals: 5.0 / 180, handle: 180.0, agents: 6),
        (arrivals: 0.25, handle: 240.0, agents: 45), (arrivals: 0.1, handle: 600.0, agents: 60),
        (arrivals: 0.02, handle: 100.0, agents: 1),
    ])
    func agreesWithTheChain(arrivals: Double, handle: Double, agents: Int) {
        let formula = ErlangA(arrivalRate: arrivals, meanHandle: handle, agents: agents)
        let chain = BirthDeathQueue(arrivalRate: arrivals, meanHandle: handle, meanPatience: handle, agents: agents)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1e-12) }
        #expect(close(formula.probabilityOfWait, chain.probabilityOfWait))
        #expect(close(formula.probabilityOfAbandon, chain.probabilityOfAbandon))
        #expect(close(formula.meanWait, chain.meanWait))
    }
}
