import ArgumentParser
import RouteSim
import RouteSimScenario

/// `routesim validate SCENARIO`: checks a scenario file and runs nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file; run nothing, write nothing."
    )

    @OptionGroup var input: ScenarioOptions

    func run() throws {
        let loaded = try input.load()
        let spec = loaded.spec
        let workspace = spec.workspace
        let workerCount = spec.workerGroups.reduce(0) { $0 + $1.count }
        print("""
            ok: \(input.scenario): "\(spec.name)": \(workspace.activities.count) activities, \
            \(workspace.taskChannels.count) task channels, \(workspace.taskQueues.count) task queues, \
            \(workspace.workflows.count) workflows, \(workerCount) workers in \(spec.workerGroups.count) groups, \
            \(spec.arrivals.count) arrival streams, \(loaded.variants.count) variants
            """)
    }
}
