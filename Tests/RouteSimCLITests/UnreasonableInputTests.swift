import Foundation
import Testing

/// Input that is well-formed but unreasonable: refused or warned about with a clear line,
/// never a crash.
@Suite struct UnreasonableInputTests {
    /// A service-level target of 80 (meant as 80 %) is refused with the two ways to write it.
    @Test func staffRefusesAFractionAboveOne() throws {
        let runner = try CommandRunner()
        let output = try runner.run(
            "staff", CommandRunner.scenario("erlang-c.yaml"), "--target", "service_level>=80", "--out", runner.path("s.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr == """
            routesim: error: --target 'service_level>=80': service_level is a fraction from 0 to 1 (or 0% to 100%), \
            found 80; for 80 %, write 0.8 or 80%

            """)
        #expect(!FileManager.default.fileExists(atPath: runner.path("s.sqlite")))
        let percent = try runner.run(
            "staff", CommandRunner.scenario("erlang-c.yaml"), "--target", "abandoned<=150%", "--out", runner.path("s.sqlite"))
        #expect(percent.status == 1)
        #expect(percent.stderr.contains("abandoned is a fraction from 0 to 1 (or 0% to 100%), found 150%\n"))
    }
}
