import ArgumentParser
import Foundation
import RouteSimStore

/// The options every experiment command (batch, compare, sweep, staff) takes.
struct ExperimentOptions: ParsableArguments {
    @Option(help: "Independent replications of each configuration.")
    var replications: Int = 10

    @Option(name: .customLong("jobs"), help: "Replications simulated at a time (default: the number of cores).")
    var jobsOption: Int?

    @Option(parsing: .unconditional, help: "The run seed of every replication (default: the scenario's `seed`).",
            transform: SeedArgument.parse)
    var seed: UInt64?

    @Option(help: "The SQLite file to add the runs to (default: results/<scenario>-<command>.sqlite).")
    var out: String?

    @Option(help: "What to store per run: `summary`, `tasks` or `events` (default: tasks; summary for staff).")
    var record: RecordLevel?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    mutating func validate() throws {
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1, found \(replications)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    /// Replications simulated at a time: `--jobs`, else the number of cores.
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The recording level: `--record`, else `tasks` for every command but `staff`, whose
    /// many evaluations keep `summary` (their rows would fill the file with staffings that were
    /// only tried).
    func level(for command: ExperimentCommand) -> RecordLevel {
        record ?? (command == .staff ? .summary : .tasks)
    }

    /// Throws ``MemoryLimitError`` when `plan`'s runs, as many at a time as they will run,
    /// would not fit in the memory available (``MemoryOptions``).
    func checkMemory(_ plan: [PlannedRun], for command: ExperimentCommand) throws(MemoryLimitError) {
        let level = level(for: command)
        try memory.check(
            plan.map(\.spec), atOnce: min(jobs, plan.count), keepsRows: level.keepsRows, keepsEvents: level.keepsEvents)
    }

    /// `seed=N` when `--seed` was given, for the scenario loader.
    var seedOverride: [String] { seed.map { ["seed=\($0)"] } ?? [] }

    /// The results file: `--out`, else `results/<name>-<command>.sqlite`.
    func output(name: String, command: ExperimentCommand) -> String {
        out ?? RunCommand.defaultOutput(for: name + "-" + command.rawValue)
    }
}
