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

    /// Calls at 1,000 a second for 14 days that nobody answers for a day each: valid numbers,
    /// but hundreds of GB in flight.
    static let overloaded = """
        name: overloaded
        horizon: 14d
        task_queues: [{friendly_name: Q}]
        workflows:
          - friendly_name: W
            configuration: {task_routing: {default_filter: {queue: Q}}}
        workers:
          - {group: g, count: 1}
        arrivals:
          - {name: a, rate: 3600000/h, timeout: 14d, handle_time: 1d}
        """

    /// A run that cannot fit the machine is refused before anything is written, with the
    /// estimate, what dominates it and the limit; batch multiplies by the runs at a time.
    @Test func runsBeyondTheMachinesMemoryAreRefused() throws {
        let runner = try CommandRunner()
        let file = try runner.write("overloaded.yaml", Self.overloaded)
        try #require(FileManager.default.fileExists(atPath: "/proc/meminfo"))
        let run = try runner.run("run", file, "--out", runner.path("r.sqlite"))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("routesim: error: a run is estimated to need "), "\(run.stderr)")
        #expect(run.stderr.contains("(callers in flight "))
        #expect(run.stderr.contains("this machine has available; make the scenario smaller or pass --no-memory-check"))
        #expect(!FileManager.default.fileExists(atPath: runner.path("r.sqlite")))
        let batch = try runner.run("batch", file, "--jobs", "2", "--replications", "3", "--out", runner.path("b.sqlite"))
        #expect(batch.status == 1)
        #expect(batch.stderr.contains(" × 2 runs at a time = "), "\(batch.stderr)")
        #expect(batch.stderr.contains("or lower --jobs, or pass --no-memory-check"))
        #expect(!FileManager.default.fileExists(atPath: runner.path("b.sqlite")))
    }

    /// Warnings go to stderr with exit 0; --strict makes them errors.
    @Test func warningsAndStrict() throws {
        let runner = try CommandRunner()
        let file = try runner.write("chat.yaml", """
            name: chat
            horizon: 1h
            task_queues: [{friendly_name: Q}]
            workflows:
              - friendly_name: W
                configuration: {task_routing: {default_filter: {queue: Q}}}
            workers:
              - {group: g, count: 2, channels: {voice: 1}}
            arrivals:
              - {name: chats, channel: chat, rate: 10/h, handle_time: 5m}
            """)
        let warning = "chat.yaml:10:28: arrivals.chats.channel: no worker has capacity on task channel \"chat\", "
            + "so every task of this stream waits until its caller hangs up or its TTL ends\n"
        let validate = try runner.run("validate", file)
        #expect(validate.status == 0)
        #expect(validate.stderr == "routesim: warning: " + file.replacingOccurrences(of: "chat.yaml", with: "") + warning)
        let strict = try runner.run("validate", file, "--strict")
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("routesim: error: ") && strict.stderr.hasSuffix(warning))
        let run = try runner.run("run", file, "--strict", "--out", runner.path("r.sqlite"))
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: runner.path("r.sqlite")))
        let batch = try runner.run("batch", file, "--replications", "1", "--out", runner.path("b.sqlite"))
        #expect(batch.status == 0)
        #expect(batch.stderr.contains("routesim: warning: "))
    }

    /// Whole values of a --vary range beyond Int are written as numbers, not converted (which
    /// trapped), and refused by the scenario's ranges.
    @Test func sweepOfHugeValuesIsRefused() throws {
        let runner = try CommandRunner()
        let output = try runner.run(
            "sweep", CommandRunner.scenario("erlang-c.yaml"), "--vary", "service_level=1e18...1e19:1e18",
            "--out", runner.path("s.sqlite"))
        #expect(output.status == 1)
        #expect(output.stderr.contains("--set service_level: service_level: expected a duration > 0 and at most 1209600 s (14 d), found 1e+19"), "\(output.stderr)")
    }
}
