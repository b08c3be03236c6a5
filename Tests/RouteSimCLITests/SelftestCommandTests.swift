import Foundation
import Testing

/// `routesim selftest` end to end, kept cheap: two cases, two replications. The seed is
/// fixed, so the outcome is too: every quantity passes, with these simulated values.
@Suite struct SelftestCommandTests {
    @Test func printsEveryQuantityWithItsIntervalAndVerdict() throws {
        let runner = try CommandRunner()
        let output = try runner.run("selftest", "--case", "E3", "--case", "E4", "--replications", "2", "--seed", "1")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("routesim selftest: 3 cases, 2 replications each, seed 1;") == true)
        #expect(lines.dropFirst().first?.hasPrefix(
            "decision: all 8 quantities together at 95 % (Bonferroni), each in its 99.375 % interval;") == true)
        let results = lines.filter { $0.hasSuffix(" pass") || $0.hasSuffix(" FAIL") }
        #expect(results == [
            "    P(wait > 0)            0.54207     0.54406  [0.54109, 0.54702]         +0.08  pass",
            "    P(abandon)             0.12511     0.12546  [0.09423, 0.15668]         +0.00  pass",
            "    mean wait              0.125 s     0.125 s  [0.113 s, 0.136 s]         -0.00  pass",
            "    mean in system         0.93001     0.93162  [0.88691, 0.97633]         +0.00  pass",
            "    P(wait > 0)            0.07003     0.07364  [0.01903, 0.12824]         +0.01  pass",
            "    mean wait             12.005 s    12.588 s  [-6.680 s, 31.855 s]       +0.00  pass",
            "    mean in system         9.00000     8.55463  [-0.87261, 17.98186]       -0.01  pass",
            "    busy fraction          0.90000     0.89961  [0.82509, 0.97412]         -0.00  pass",
        ], "\(output.stdout)")
        #expect(lines.contains { $0.hasPrefix("E3  Erlang A") })
        #expect(lines.filter { $0.hasPrefix("E4  Multitasking") }.count == 2)
        #expect(lines.last?.hasPrefix("8 of 8 quantities pass") == true)
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty, "no progress on a pipe: \(output.stderr)")
    }

    @Test func jsonAndBadArguments() throws {
        let runner = try CommandRunner()
        let output = try runner.run("selftest", "--case", "E3", "--replications", "2", "--seed", "1", "--json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["id"] as? String } == ["E3"])
        let quantities = try #require(cases.first?["quantities"] as? [[String: Any]])
        #expect(quantities.map { $0["name"] as? String } == ["P(wait > 0)", "P(abandon)", "mean wait"])
        #expect(quantities.allSatisfy { $0["expected"] is Double && $0["low"] is Double })
        #expect(quantities.map { $0["passed"] as? Bool } == [true, true, true])
        // E3's P(wait > 0) is P(N >= 10) for N Poisson with mean 10 (10 agents, 10 Erlangs).
        var term = exp(-10.0)
        var below = 0.0
        for n in 0..<10 {
            below += term
            term *= 10 / Double(n + 1)
        }
        let expected = try #require(quantities.first?["expected"] as? Double)
        #expect(abs(expected - (1 - below)) < 1e-12)
        #expect(document["passed"] as? Bool == true)
        #expect(document["failed"] as? Int == 0)
        #expect(output.status == 0)

        let unknown = try runner.run("selftest", "--case", "E9")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains(#"unknown case "E9" for --case; expected one of: E1, E2, E3, E4"#))
        let single = try runner.run("selftest", "--replications", "1")
        #expect(single.status != 0)
        #expect(single.stderr.contains("--replications must be at least 2"))
    }
}
