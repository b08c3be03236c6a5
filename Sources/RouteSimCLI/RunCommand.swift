import ArgumentParser
import Foundation
import RouteSim
import RouteSimScenario
import RouteSimStore

/// `routesim run SCENARIO`: one simulation run into a SQLite file, with a summary.
struct RunCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario once and store every task, reservation and activity span in SQLite."
    )

    static let examples: [(purpose: String, command: String)] = [
        ("One day of the quickstart center into results/quickstart.sqlite, and its summary",
         "routesim run scenarios/quickstart.yaml"),
        ("Another seed with one agent more in a group, the summary as JSON",
         "routesim run scenarios/quickstart.yaml --seed 7 --set workers.late-lunch.count=6 --json"),
        ("Also keep TaskRouter's events, in a file of your choice",
         "routesim run scenarios/bilingual-support.yaml --events --out results/bilingual.sqlite"),
    ]

    @OptionGroup var input: ScenarioOptions

    @Option(parsing: .unconditional, help: "The run seed (default: the scenario's `seed`); the same as --set seed=N.",
            transform: SeedArgument.parse)
    var seed: UInt64?

    @Option(help: "The SQLite file to add the run to (default: results/<scenario name>.sqlite).")
    var out: String?

    @Option(help: "What to store: `summary` (runs, intervals, statistics), `tasks` (also tasks, reservations, worker activity) or `events` (also TaskRouter events).")
    var record: RecordLevel = .tasks

    @Flag(help: "Also store TaskRouter's events (the same as --record events).")
    var events = false

    @Flag(help: "Store TaskRouter's events of every type, whatever the workspace's events_filter names (implies --events).")
    var everyEvent = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    func run() throws {
        let seedOverride = seed.map { ["seed=\($0)"] } ?? []
        let scenario = try input.load(extra: seedOverride)
        try ScenarioOptions.refuseCallbackAnswers([scenario], command: "run")
        var spec = scenario.spec
        if everyEvent { spec.workspace.eventsFilter = nil }
        let level = events || everyEvent ? .events : record
        try memory.check([spec], atOnce: 1, keepsRows: false, keepsEvents: false)
        let path = out ?? RunCommand.defaultOutput(for: spec.name)
        Interrupt.install()
        let store = try ResultStore.forWriting(path)
        let info = RunInfo(
            spec: spec, overrides: input.overrides + seedOverride, version: RouteSimVersion.current,
            configuration: scenario.configuration.description)
        let clock = ContinuousClock.now
        var outcome: SimulationResult?
        let runID = try store.record(run: info, spec: spec, level: level) { sink in
            var simulation = Simulation(spec: spec)
            guard let result = simulation.run(
                sink: sink, recordEvents: level.keepsEvents, stoppingWhen: { Interrupt.requested })
            else { throw RunInterrupted(path: path) }
            outcome = result
            return result
        }
        if Interrupt.requested { throw RunInterrupted(path: path, storedRun: runID) }
        let elapsed = ContinuousClock.now - clock
        guard let result = outcome else { return }
        let report = RunReport(
            runID: runID, database: path, spec: spec, result: result,
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        print(json ? report.json() : report.text())
    }

    /// `results/<name>.sqlite`, the name made safe for a file name.
    static func defaultOutput(for name: String) -> String {
        let safe = name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" }
        return "results/" + String(safe) + ".sqlite"
    }
}

extension RecordLevel: ExpressibleByArgument {}
