import Foundation
import RouteSimScenario
import Testing

/// ``ConfigurationHash``: what a run simulates, the same however it is reached, and
/// different when any value or file read changes.
struct ConfigurationHashTests {
    /// The hash of the shipped scenario `name` loaded with `overrides`.
    static func hash(_ name: String, _ overrides: [String] = []) throws -> String {
        let path = Fixtures.shippedScenario(name)
        return try ScenarioLoader.load(path: path, overrides: overrides.map(Override.parse)).configuration.description
    }

    @Test func sameScenarioLoadedTwiceHashesAlikeAndTheSeedDoesNotCount() throws {
        let first = try Self.hash("quickstart.yaml")
        #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
        #expect(try Self.hash("quickstart.yaml") == first)
        #expect(try Self.hash("quickstart.yaml", ["seed=2"]) == first)
        #expect(try Self.hash("quickstart.yaml", ["workers.early-lunch.count=5"]) == first, "the value the file has")
    }

    @Test func differentSetValuesGiveDifferentHashes() throws {
        let written = try Self.hash("quickstart.yaml")
        let lean = try Self.hash("quickstart.yaml", ["workers.early-lunch.count=1", "workers.late-lunch.count=1"])
        let other = try Self.hash("quickstart.yaml", ["workers.early-lunch.count=2", "workers.late-lunch.count=1"])
        let longer = try Self.hash("quickstart.yaml", ["service_level=30s"])
        #expect(Set([written, lean, other, longer]).count == 4)
    }

    @Test func variantsChangeTheHashOnlyByWhatTheySet() throws {
        let single = try Self.hash("single-vs-multi.yaml", ["workspace.multi_task_enabled=false"])
        let multi = try Self.hash("single-vs-multi.yaml", ["workspace.multi_task_enabled=true"])
        #expect(single != multi)
        let edited = try String(contentsOfFile: Fixtures.shippedScenario("single-vs-multi.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "multi: {workspace.multi_task_enabled: true}", with: "multi: {workspace.multi_task_enabled: false}")
        var unchanged = ""
        try Fixtures.withFiles(["s.yaml": edited]) { folder in
            unchanged = try ScenarioLoader.load(path: folder + "s.yaml", overrides: [Override.parse("workspace.multi_task_enabled=false")])
                .configuration.description
        }
        #expect(unchanged == single, "editing a variant changes no run that does not apply it")
    }

    @Test func traceContentsArePartOfTheHash() throws {
        let rows = "time,handle_time\n10,60\n20,60\n"
        var hashes: [String] = []
        for csv in [rows, rows, rows.replacingOccurrences(of: "20,60", with: "20,61")] {
            guard case .scenario(let scenario) = try TraceLoaderTests.load(csv) else {
                Issue.record("the traced scenario loads")
                return
            }
            hashes.append(scenario.configuration.description)
        }
        #expect(hashes[0] == hashes[1])
        #expect(hashes[1] != hashes[2], "a changed trace row changes the hash though the scenario file is the same")
    }

    @Test func importedFilesArePartOfTheHash() throws {
        let folder = Fixtures.repository.appendingPathComponent("scenarios/imported")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var files: [String: String] = [:]
        for name in names { files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        let queues = try #require(files["task_queues.json"])
        let first = try #require(queues.range(of: "\"max_reserved_workers\": 1,"))
        var hashes: [String] = []
        for queues in [queues, queues.replacingCharacters(in: first, with: "\"max_reserved_workers\": 3,")] {
            var changed = files
            changed["task_queues.json"] = queues
            try Fixtures.withFiles(changed) { folder in
                hashes.append(try ScenarioLoader.load(path: folder + "production-day.yaml").configuration.description)
            }
        }
        #expect(try Self.hash("imported/production-day.yaml") == hashes[0])
        #expect(hashes[0] != hashes[1])
    }

    @Test func aStaffingAddedToTheHashChangesIt() throws {
        let path = Fixtures.shippedScenario("erlang-c.yaml")
        let base = try ScenarioLoader.load(path: path).configuration
        let thirteen = base.adding(#"{"workers.agents.count":13}"#)
        #expect(thirteen == base.adding(#"{"workers.agents.count":13}"#))
        #expect(Set([base, thirteen, base.adding(#"{"workers.agents.count":14}"#)]).count == 3)
    }
}
