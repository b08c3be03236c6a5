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
    init(_ command: ExperimentCommand, options: ExperimentOptions, path: String) throws {
        Interrupt.install()
        store = try ResultStore.forWriting(path)
        id = try store.beginExperiment(command, arguments: Array(CommandLine.arguments.dropFirst()))
        self.options = options
        self.command = command
        level = options.level(for: command)
    }

    /// Runs `plan` under this experiment, ``ExperimentOptions/jobs`` at a time with a
    /// progress bar on a terminal, and returns the runs' KPIs as stored, in plan order (the executor reserves
    /// consecutive run ids in plan order).
    func run(_ plan: [PlannedRun]) throws -> [StoredRunKPIs] {
        let stamped = plan.map { run -> PlannedRun in
            var run = run
            run.info.experimentID = id
            return run
        }
        let executor = RunExecutor(store: store, level: level, jobs: options.jobs)
        let ids = try executor.execute(stamped, progress: ProgressBar.forTerminal(total: plan.count))
        guard let first = ids.first, let last = ids.last else { return [] }
        return try store.runKPIs(experiment: id, ids: first...last)
    }
}
