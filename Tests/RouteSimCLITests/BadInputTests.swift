import Foundation
import Testing

/// Bad input: a clear line per problem, a non-zero exit, and nothing written.
@Suite struct BadInputTests {
    static let broken = """
        name: broken
        horizon: 8h
        task_queues:
          - {friendly_name: Support, target_workers: 'skill-level > 3'}
        workflows:
          - friendly_name: Flow
            configuration:
              task_routing:
                filters:
                  - expression: '1==1'
                    targets: [{queue: Suport}]
        workers:
          - {group: agents, count: -2}
        arrivals:
          - {name: calls, rate: -5/h, handle_time: {dist: lognormal, mean: 4m}}
        """

    @Test func validateReportsEveryProblemWithItsPlace() throws {
        let runner = try CommandRunner()
        let file = try runner.write("broken.yaml", Self.broken)
        let output = try runner.run("validate", file)
        #expect(output.status != 0)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4, "\(output.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("routesim: error: ") && $0.contains("broken.yaml:") })
        #expect(output.stderr.contains("task_queues"))
        #expect(output.stderr.contains("Suport"))
        #expect(output.stderr.contains("count"))
        #expect(output.stderr.contains("rate"))
        #expect(output.stderr.contains("lognormal"))
    }

    @Test func runOfABadScenarioWritesNothing() throws {
        let runner = try CommandRunner()
        let file = try runner.write("broken.yaml", Self.broken)
        let output = try runner.run("run", file, "--out", runner.path("never.sqlite"))
        #expect(output.status != 0)
        #expect(!FileManager.default.fileExists(atPath: runner.path("never.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: runner.path("results")))
    }

    @Test func missingFileAndBadOverride() throws {
        let runner = try CommandRunner()
        let missing = try runner.run("run", runner.path("nope.yaml"))
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.yaml"))
        let override = try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--set", "workers.nobody.count=3")
        #expect(override.status != 0)
        #expect(override.stderr.contains("workers.nobody"))
        let noEquals = try runner.run("validate", CommandRunner.scenario("quickstart.yaml"), "--set", "horizon")
        #expect(noEquals.status != 0)
    }

    @Test func batchCommandsRefuseAgentsThatLeaveTheirAnswerToTheCallback() throws {
        let runner = try CommandRunner()
        let example = CommandRunner.repository.appendingPathComponent("examples/vip-callback.yaml").path
        let validated = try runner.run("validate", example)
        #expect(validated.status == 0, "\(validated.stderr)")
        for arguments in [
            ["run", example, "--out", runner.path("never.sqlite")], ["batch", example, "--out", runner.path("never.sqlite")],
            ["run", CommandRunner.scenario("quickstart.yaml"), "--set", "workers.early-lunch.answer=callback", "--out", runner.path("never.sqlite")],
        ] {
            let output = try runner.run(arguments)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(".answer: callback needs routesim serve"), "\(output.stderr)")
            #expect(output.stderr.contains("routesim \(arguments[0]) cannot answer them"), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: runner.path("never.sqlite")))
        }
        let bad = try runner.run("validate", CommandRunner.scenario("quickstart.yaml"), "--set", "workers.early-lunch.answer=callbacks")
        #expect(bad.status != 0 && bad.stderr.contains("expected callback, or a map with keys"), "\(bad.stderr)")
    }

    @Test func validateAcceptsTheShippedScenarios() throws {
        let runner = try CommandRunner()
        for name in ["quickstart.yaml", "bilingual-support.yaml", "chat-multitasking.yaml", "erlang-c.yaml", "imported/production-day.yaml"] {
            let output = try runner.run("validate", CommandRunner.scenario(name))
            #expect(output.status == 0, "\(name): \(output.stderr)")
            #expect(output.stdout.hasPrefix("ok: "))
        }
    }

    @Test func unwritableOutputIsAClearError() throws {
        let runner = try CommandRunner()
        let blocker = try runner.write("file", "not a folder")
        let output = try runner.run("run", CommandRunner.scenario("quickstart.yaml"), "--out", blocker + "/x.sqlite")
        #expect(output.status != 0)
        #expect(output.stderr.contains("x.sqlite"))
    }
}
