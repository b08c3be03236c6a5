import Foundation
import RouteSim
import Testing

/// ``ErlangC``, which gives `selftest` its expected values, against closed forms worked by
/// hand and a direct evaluation of the M/M/c chain (``BirthDeathQueue``).
@Suite struct ErlangCTests {
    /// M/M/1 (Gross, Shortle, Thompson & Harris, *Fundamentals of Queueing Theory*, 4th ed.,
    /// §2.2): P(wait > 0) = ρ, mean wait ρ / (μ − λ), P(W > t) = ρ·e^(−(μ − λ)t). With
    /// ρ = 0.8 and a mean handle of 100 s: 0.8, 400 s, and 0.8·e^(−0.2) at t = 100 s.
    @Test func singleAgent() {
        let queue = ErlangC(arrivalRate: 0.008, meanHandle: 100, agents: 1)
        #expect(abs(queue.probabilityOfWait - 0.8) < 1e-12)
        #expect(abs(queue.averageSpeedOfAnswer - 400) < 1e-9)
        #expect(abs(queue.serviceLevel(threshold: 100) - (1 - 0.8 * exp(-0.2))) < 1e-12)
        #expect(abs(queue.occupancy - 0.8) < 1e-12)
    }

    /// M/M/2 (same book, §2.3, c = 2): P(wait > 0) = 2ρ² / (1 + ρ) with ρ = A / 2. A = 1:
    /// 1/3, mean wait (1/3)·h / (2 − 1) = 60 s for h = 180 s.
    @Test func twoAgents() {
        let queue = ErlangC(arrivalRate: 1.0 / 180, meanHandle: 180, agents: 2)
        #expect(abs(queue.probabilityOfWait - 1.0 / 3) < 1e-12)
        #expect(abs(queue.averageSpeedOfAnswer - 60) < 1e-9)
    }

    /// Three agents and A = 2 Erlangs, by hand: the chain's weights A^n / n! are 1, 2, 2 below
    /// three agents and 4/3·(2/3)^k above, 4/3·3 = 4 in all; P(wait > 0) = 4 / (1 + 2 + 2 + 4)
    /// = 4/9, the mean wait (4/9)·h / (3 − 2) = 80 s for h = 180 s, and the mean number in
    /// system λ·W + A = 2/180·80 + 2 = 26/9.
    @Test func threeAgentsByHand() {
        let queue = ErlangC(arrivalRate: 2.0 / 180, meanHandle: 180, agents: 3)
        #expect(abs(queue.probabilityOfWait - 4.0 / 9) < 1e-12)
        #expect(abs(queue.averageSpeedOfAnswer - 80) < 1e-9)
        #expect(abs(queue.meanInSystem - 26.0 / 9) < 1e-9)
    }

    /// Loads from light to 98 % occupancy, up to 92 agents: P(wait > 0), ASA and the service
    /// level at two thresholds agree with the chain to 1e-9 (relative).
    @Test(arguments: [
        (arrivals: 1.0 / 18, handle: 180.0, agents: 14), (arrivals: 0.2, handle: 240.0, agents: 55),
        (arrivals: 0.3, handle: 300.0, agents: 92), (arrivals: 0.01, handle: 60.0, agents: 3),
    ])
    func agreesWithTheChain(arrivals: Double, handle: Double, agents: Int) {
        let formula = ErlangC(arrivalRate: arrivals, meanHandle: handle, agents: agents)
        let chain = BirthDeathQueue(arrivalRate: arrivals, meanHandle: handle, agents: agents)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1e-12) }
        #expect(close(formula.probabilityOfWait, chain.probabilityOfWait))
        #expect(close(formula.averageSpeedOfAnswer, chain.meanWait))
        for threshold in [20.0, 60.0] {
            #expect(close(formula.serviceLevel(threshold: threshold), chain.serviceLevel(threshold: threshold)))
        }
    }
}
