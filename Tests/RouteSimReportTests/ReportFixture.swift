import Foundation
import RouteSim
import RouteSimReport
import RouteSimScenario
import RouteSimStore

/// Results files made by simulating the shipped quickstart scenario through the store, as
/// `run` and `compare` write them.
enum ReportFixture {
    /// The repository root (the folder holding Package.swift), found from this file.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// A fresh folder under the temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("routesim-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Records `variants` (name and `--set` overrides; a nil name for the scenario as
    /// written) × `replications` of quickstart into `path`, as one compare experiment when
    /// there are several variants; without configuration hashes unless `hashed`, as routesim
    /// stored runs before it recorded them.
    static func record(
        into path: String, variants: [(name: String?, overrides: [String])], replications: Int,
        level: RecordLevel = .tasks, hashed: Bool = true
    ) throws {
        let store = try ResultStore(path: path)
        let experiment = variants.count > 1 ? try store.beginExperiment(.compare, arguments: ["compare"]) : nil
        for variant in variants {
            for replication in 0..<replications {
                let scenario = repository.appendingPathComponent("scenarios/quickstart.yaml").path
                let loaded = try ScenarioLoader.load(path: scenario, overrides: variant.overrides.map(Override.parse))
                var spec = loaded.spec
                spec.replication = replication
                let info = RunInfo(
                    scenario: spec.name, variant: variant.name, replication: replication, seed: spec.seed,
                    horizon: spec.horizon, warmup: spec.warmup, interval: spec.interval, serviceLevel: spec.serviceLevel,
                    multiTaskEnabled: spec.workspace.multiTaskEnabled, overrides: variant.overrides, version: "test",
                    experimentID: experiment, configuration: hashed ? loaded.configuration.description : nil)
                _ = try store.record(run: info, spec: spec, level: level) { sink in
                    var simulation = Simulation(spec: spec)
                    return simulation.run(sink: sink)
                }
            }
        }
    }

    /// A compare file: variants `base` (as written) and `lean` (one agent fewer), three
    /// replications each; its groups.
    static func compare(in folder: URL) throws -> (path: String, groups: [ReportGroup]) {
        let path = folder.appendingPathComponent("compare.sqlite").path
        try record(into: path, variants: [("base", []), ("lean", ["workers.late-lunch.count=4"])], replications: 3)
        return (path, try ReportGroup.groups(in: ResultStore(path: path)))
    }
}
