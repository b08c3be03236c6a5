import Foundation
import Testing

/// `routesim selftest` end to end, kept cheap: two cases, two replications.
@Suite struct SelftestCommandTests {
    @Test func printsEveryQuantityWithItsIntervalAndVerdict() throws {
        let runner = try CommandRunner()
        let output = try runner.run("selftest", "--case", "E3", "--case", "E4", "--replications", "2")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("routesim selftest: 3 cases, 2 replications each, seed 1;") == true)
        #expect(lines.dropFirst().first?.hasPrefix(
            "decision: all 8 quantities together at 95 % (Bonferroni), each in its 99.375 % interval;") == true)
        let results = lines.filter { $0.hasSuffix(" pass") || $0.hasSuffix(" FAIL") }
        #expect(results.count == 8, "\(output.stdout)")
        #expect(results.allSatisfy { $0.contains("[") && $0.contains("]") })
        #expect(lines.contains { $0.hasPrefix("E3  Erlang A") })
        #expect(lines.filter { $0.hasPrefix("E4  Multitasking") }.count == 2)
        let failed = results.filter { $0.hasSuffix("FAIL") }.count
        #expect(lines.last?.hasPrefix("\(8 - failed) of 8 quantities pass") == true)
        #expect(output.status == (failed == 0 ? 0 : 1))
        #expect(output.stderr.isEmpty == (failed == 0), "no progress on a pipe: \(output.stderr)")
    }

    @Test func jsonAndBadArguments() throws {
        let runner = try CommandRunner()
        let output = try runner.run("selftest", "--case", "E3", "--replications", "2", "--json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["id"] as? String } == ["E3"])
        let quantities = try #require(cases.first?["quantities"] as? [[String: Any]])
        #expect(quantities.map { $0["name"] as? String } == ["P(wait > 0)", "P(abandon)", "mean wait"])
        #expect(quantities.allSatisfy { $0["expected"] is Double && $0["low"] is Double && $0["passed"] is Bool })
        #expect(output.status == ((document["passed"] as? Bool) == true ? 0 : 1))

        let unknown = try runner.run("selftest", "--case", "E9")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains(#"unknown case "E9" for --case; expected one of: E1, E2, E3, E4"#))
        let single = try runner.run("selftest", "--replications", "1")
        #expect(single.status != 0)
        #expect(single.stderr.contains("--replications must be at least 2"))
    }
}
