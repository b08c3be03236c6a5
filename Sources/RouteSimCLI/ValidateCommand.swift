import ArgumentParser
import RouteSim
import RouteSimScenario

/// `routesim validate SCENARIO`: checks a scenario file and runs nothing.
struct ValidateCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file; run nothing, write nothing."
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Check a shipped scenario",
         "routesim validate scenarios/quickstart.yaml"),
        ("Check it with an override, as run would apply it",
         "routesim validate scenarios/bilingual-support.yaml --set workers.spanish.count=5"),
    ]

    @OptionGroup var input: ScenarioOptions

    func run() throws {
        let loaded = try input.load()
        let spec = loaded.spec
        let workspace = spec.workspace
        let workerCount = spec.workerGroups.reduce(0) { $0 + $1.count }
        print("""
            ok: \(input.scenario): "\(spec.name)": \(workspace.activities.count.counted("activity")), \
            \(workspace.taskChannels.count.counted("task channel")), \(workspace.taskQueues.count.counted("task queue")), \
            \(workspace.workflows.count.counted("workflow")), \(workerCount.counted("worker")) in \(spec.workerGroups.count.counted("group")), \
            \(spec.arrivals.count.counted("arrival stream")), \(loaded.variants.count.counted("variant"))
            """)
    }
}
