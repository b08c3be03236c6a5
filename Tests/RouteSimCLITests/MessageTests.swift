import Foundation
import Testing

/// Messages that say what is wrong and what is true: the runs a file holds, the range of a
/// seed, each KPI name once, and counts in the singular when there is one.
@Suite struct MessageTests {
    /// A center with one of everything (and the five default task channels).
    static let single = """
        name: one
        horizon: 1h
        workspace: {default_activity: Available, timeout_activity: Available}
        activities: [{friendly_name: Available, available: true}]
        task_queues: [{friendly_name: Q, target_workers: '1==1'}]
        workflows:
          - friendly_name: W
            configuration: {task_routing: {default_filter: {queue: Q}}}
        workers: [{group: g, count: 1}]
        arrivals: [{name: calls, rate: 10/h, handle_time: {dist: exponential, mean: 3m}}]
        """

    @Test func statsOfAMissingRunSaysWhichRunsExist() throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", Self.single)
        for _ in 0..<2 { #expect(try runner.run("run", scenario, "--out", "r.sqlite").status == 0) }
        let output = try runner.run("stats", "r.sqlite", "--run", "99")
        #expect(output.status == 1)
        #expect(output.stderr.contains("there is no run 99; the file holds runs 1-2"), "\(output.stderr)")
        #expect(try runner.run("stats", "r.sqlite", "--run", "2").status == 0)
    }

    @Test(arguments: [["run", "S"], ["batch", "S"], ["compare", "S", "--variant", "a:", "--variant", "b:"], ["selftest"]])
    func negativeSeedIsRefusedWithTheRange(command: [String]) throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", Self.single)
        let output = try runner.run(command.map { $0 == "S" ? scenario : $0 } + ["--seed", "-1"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("expected a whole number from 0 to 18446744073709551615, found \"-1\""), "\(output.stderr)")
        #expect(!output.stderr.contains("Missing value"))
    }

    @Test func unknownTargetKPIListsEveryNameOnce() throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", Self.single)
        let output = try runner.run("staff", scenario, "--target", "speed>=1")
        #expect(output.status != 0)
        let list = try #require(output.stderr.components(separatedBy: "expected one of ").last)
        let names = list.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", ")
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.contains("service_level") && names.contains("abandoned") && names.contains("asa"), "\(names)")
    }

    @Test func countsOfOneAreSingular() throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", Self.single)
        let validate = try runner.run("validate", scenario)
        #expect(validate.stdout.contains(
            "1 activity, 5 task channels, 1 task queue, 1 workflow, 1 worker in 1 group, 1 arrival stream, 0 variants"),
            "\(validate.stdout)")
        let batch = try runner.run("batch", scenario, "--replications", "1", "--record", "summary", "--out", "b.sqlite")
        #expect(batch.stdout.contains("batch: 1 run (experiment 1)"), "\(batch.stdout)")
        let sweep = try runner.run("sweep", scenario, "--vary", "workers.g.count=2", "--replications", "1", "--record", "summary", "--out", "s.sqlite")
        #expect(sweep.stdout.contains("1 point × 1 replication ->"), "\(sweep.stdout)")
        let compare = try runner.run("compare", scenario, "--variant", "a:", "--variant", "b:workers.g.count=2",
                                     "--replications", "1", "--record", "summary", "--out", "c.sqlite")
        #expect(compare.stdout.contains("1 replication of 2 variants"), "\(compare.stdout)")
        let selftest = try runner.run("selftest", "--case", "E3", "--replications", "2")
        #expect(selftest.stdout.hasPrefix("routesim selftest: 1 case, 2 replications each"), "\(selftest.stdout)")
    }

    @Test func runSummarySaysTheKPIsExcludeTheWarmUp() throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", Self.single + "\nwarmup: 10m\n")
        let output = try runner.run("run", scenario, "--out", "w.sqlite")
        #expect(output.status == 0)
        #expect(output.stdout.contains("KPIs exclude the warm-up: they count the tasks created from 600 s on"), "\(output.stdout)")
        let none = try runner.run("run", scenario, "--out", "w.sqlite", "--set", "warmup=")
        #expect(!none.stdout.contains("warm-up:"), "\(none.stdout)")
    }
}
