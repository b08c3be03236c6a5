import Foundation
import GRDB
import Testing

/// `report` and `export` pool runs only of the same configuration, and count a run that
/// repeats another (same configuration, seed and replication) once: the two cases.
@Suite struct ConfigurationGroupingTests {
    @Test func differentConfigurationsInOneFileAreTwoGroups() throws {
        let runner = try CommandRunner()
        let database = runner.path("q.sqlite")
        let quickstart = CommandRunner.scenario("quickstart.yaml")
        #expect(try runner.run("run", quickstart, "--out", database).status == 0)
        #expect(try runner.run(
            "run", quickstart, "--set", "workers.early-lunch.count=1", "--set", "workers.late-lunch.count=1", "--seed", "2",
            "--out", database).status == 0)

        let text = try runner.run("report", database)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("\(database): 2 groups of runs"))
        #expect(!text.stdout.contains("2 replications"))
        #expect(text.stdout.contains("quickstart (no --set): scenario quickstart, 1 replication"))
        #expect(text.stdout.contains(
            "quickstart (--set workers.early-lunch.count=1 workers.late-lunch.count=1): scenario quickstart, 1 replication"))

        let hashes = try DatabaseQueue(path: database).read {
            try String.fetchAll($0, sql: "SELECT configuration_hash FROM runs ORDER BY run_id")
        }
        #expect(hashes.count == 2 && hashes[0] != hashes[1])
    }

    @Test func theSameCommandRunTwiceIsOneSampleAndTheReportSaysSo() throws {
        let runner = try CommandRunner()
        let database = runner.path("q.sqlite")
        let quickstart = CommandRunner.scenario("quickstart.yaml")
        for _ in 0..<2 { #expect(try runner.run("run", quickstart, "--out", database).status == 0) }

        let hashes = try DatabaseQueue(path: database).read {
            try String.fetchAll($0, sql: "SELECT configuration_hash FROM runs ORDER BY run_id")
        }
        #expect(hashes.count == 2 && hashes[0] == hashes[1], "two processes compute the same hash")

        let text = try runner.run("report", database)
        #expect(text.stdout.contains("quickstart: scenario quickstart, 1 replication (no confidence interval)"))
        #expect(text.stdout.contains(
            "note: run 2 repeats run 1 (same configuration, seed and replication): one sample, counted once"))

        let json = try runner.run("report", database, "--json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let group = try #require((object?["groups"] as? [[String: Any]])?.first)
        #expect(group["replications"] as? Int == 1)
        #expect(group["run_ids"] as? [Int] == [1])
        #expect(group["repeated_runs"] as? [[String: Int]] == [["run_id": 2, "repeats": 1]])

        let folder = runner.path("csv")
        #expect(try runner.run("export", database, "--csv", folder).status == 0)
        let summary = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(summary[0].hasSuffix(",replications,configuration,repeated_runs"))
        #expect(summary[1].hasSuffix(",1,\(hashes[0]),2"), "\(summary[1])")

        #expect(try runner.run("run", quickstart, "--seed", "2", "--out", database).status == 0)
        let pooled = try runner.run("report", database)
        #expect(pooled.stdout.contains("quickstart: scenario quickstart, 2 replications"), "another seed is another sample")
    }

    @Test func sweepPointsCompareVariantsAndStaffingsHaveTheirOwnHash() throws {
        let runner = try CommandRunner()
        let database = runner.path("s.sqlite")
        let quickstart = CommandRunner.scenario("quickstart.yaml")
        #expect(try runner.run("run", quickstart, "--out", database, "--record", "summary").status == 0)
        let sweep = try runner.run(
            "sweep", quickstart, "--vary", "workers.early-lunch.count=4,5", "--replications", "2", "--record", "summary",
            "--out", database)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let compare = try runner.run(
            "compare", CommandRunner.scenario("single-vs-multi.yaml"), "--variant", "single", "--variant", "multi",
            "--replications", "1", "--record", "summary", "--out", database)
        #expect(compare.status == 0, "\(compare.stderr)")
        let rows = try DatabaseQueue(path: database).read {
            try Row.fetchAll($0, sql: "SELECT point, variant, replication, configuration_hash FROM runs ORDER BY run_id")
        }
        let hashes: [String] = rows.map { $0["configuration_hash"] }
        #expect(rows.count == 7)
        #expect(hashes[1] == hashes[3] && hashes[2] == hashes[4], "the replications of a point share its hash")
        #expect(hashes[1] != hashes[2], "points 4 and 5 differ")
        #expect(hashes[2] == hashes[0], "point 5 is the value the file has: the run of the scenario as written")
        #expect(hashes[5] != hashes[6], "the variants set different values")
    }
}
