import Foundation
import RouteSimReport
import RouteSimScenario
import RouteSimStore

/// An experiment under way: its results file, its `experiments` row, and the runs it makes.
struct Experiment {
    let store: ResultStore
    /// The `experiments.experiment_id`.
    let id: Int64
    let options: ExperimentOptions
    /// The command running it.
    let command: ExperimentCommand
    /// What each run stores.
    let level: RecordLevel

    /// Catches Ctrl-C from now on, opens the results file at `path` and begins the experiment
    /// with the command line (its row is written with its first run).
    ///
    /// With `--part`, the file must hold no run: a part's run and experiment ids are those of
    /// the whole experiment written into a new file.
    init(_ command: ExperimentCommand, options: ExperimentOptions, path: String) throws {
        Interrupt.install()
        store = try ResultStore.forWriting(path)
        if let part = options.part {
            let held = try store.runCount()
            guard held == 0 else {
                throw ExperimentError("--part \(part.name) writes into a new results file, and \(path) already holds "
                    + "\(held.counted("run")); give --out a new file")
            }
        }
        id = try store.beginExperiment(command, arguments: Array(CommandLine.arguments.dropFirst()))
        self.options = options
        self.command = command
        level = options.level(for: command)
    }

    /// Runs `plan` under this experiment, ``ExperimentOptions/jobs`` at a time with a
    /// progress bar on a terminal, and returns the runs' KPIs as stored, in plan order (the executor reserves
    /// consecutive run ids in plan order).
    func run(_ plan: [PlannedRun]) throws -> [StoredRunKPIs] {
        let ids = try execute(plan, skipping: 0)
        guard let first = ids.first, let last = ids.last else { return [] }
        return try store.runKPIs(experiment: id, ids: first...last)
    }

    /// Runs `plan` as ``run(_:)`` does and returns the runs' KPIs; with `--part`, runs only that
    /// part, records it (``ExperimentPart``), prints what the file holds and returns nil: a part
    /// alone is no experiment to report on.
    func runWholeOrPart(_ plan: [PlannedRun]) throws -> [StoredRunKPIs]? {
        guard let part = options.part else { return try run(plan) }
        let share = try options.share(of: plan)
        let ids = try execute(Array(plan[share]), skipping: share.lowerBound)
        let record = ExperimentPart(
            experimentID: id, part: part.index, parts: part.count, planRuns: plan.count, firstRunID: ids[0],
            runCount: ids.count, plan: Self.fingerprint(plan, command: command, level: level))
        try store.recordPart(record)
        if options.json {
            print(KPIFormat.jsonText([
                "database": store.path, "experiment": id, "part": part.index, "parts": part.count, "plan_runs": plan.count,
                "run_ids": ids,
            ]))
        } else {
            print("\(command.rawValue): part \(part.name), runs \(record.runIDs) of \(plan.count) (experiment \(id)) -> \(store.path); "
                + "join the parts with `routesim merge PART.sqlite... --out FILE`")
        }
        return nil
    }

    /// Runs `plan`, whose first run is run `skipped` of the experiment's plan (the runs before
    /// it are other parts'), and returns the run ids, in plan order.
    private func execute(_ plan: [PlannedRun], skipping skipped: Int) throws -> [Int64] {
        let stamped = plan.map { run -> PlannedRun in
            var run = run
            run.info.experimentID = id
            return run
        }
        let executor = RunExecutor(store: store, level: level, jobs: options.jobs)
        return try executor.execute(stamped, skipping: skipped, progress: ProgressBar.forTerminal(total: plan.count))
    }

    /// A fingerprint of the whole plan as `command` runs it at `level`: the same in every part
    /// of one experiment, so `merge` can tell the parts of another apart.
    static func fingerprint(_ plan: [PlannedRun], command: ExperimentCommand, level: RecordLevel) -> String {
        plan.reduce(ConfigurationHash().adding(command.rawValue).adding(level.rawValue)) { hash, run in
            hash.adding(String(describing: run.info))
        }.description
    }
}
