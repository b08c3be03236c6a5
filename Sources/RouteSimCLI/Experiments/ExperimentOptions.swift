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

    @Option(help: ArgumentHelp(
        "Run only part I of N of the plan into a new file, for `routesim merge` (batch, compare and sweep; not staff, whose search is sequential).",
        valueName: "I/N"), transform: PlanPart.parse)
    var part: PlanPart?

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

    /// Throws ``MemoryLimitError`` when the runs of `plan` this command runs (``share(of:)``),
    /// as many at a time as they will run, would not fit in the memory available (``MemoryOptions``).
    func checkMemory(_ plan: [PlannedRun], for command: ExperimentCommand) throws {
        let level = level(for: command)
        let runs = plan[try share(of: plan)]
        try memory.check(
            runs.map(\.spec), atOnce: min(jobs, runs.count), keepsRows: level.keepsRows, keepsEvents: level.keepsEvents)
    }

    /// The indexes of the runs of `plan` this command runs: all, or with `--part I/N` the I-th
    /// of N consecutive slices in plan order (sizes differing by at most one). Throws when the
    /// plan has fewer runs than parts.
    func share(of plan: [PlannedRun]) throws(ExperimentError) -> Range<Int> {
        guard let part else { return plan.indices }
        guard part.count <= plan.count else {
            throw ExperimentError("--part \(part.name): the plan has \(plan.count.counted("run")), too few for \(part.count) parts; "
                + "cut it into at most \(plan.count)")
        }
        return ExperimentPart.slice(part.index, of: part.count, runs: plan.count)
    }

    /// `seed=N` when `--seed` was given, for the scenario loader.
    var seedOverride: [String] { seed.map { ["seed=\($0)"] } ?? [] }

    /// The results file: `--out`, else `results/<name>-<command>.sqlite`.
    func output(name: String, command: ExperimentCommand) -> String {
        out ?? RunCommand.defaultOutput(for: name + "-" + command.rawValue)
    }
}
