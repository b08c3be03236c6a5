/// The command that made an experiment's runs, as `experiments.command` stores it.
public enum ExperimentCommand: String, Sendable, CaseIterable {
    case run, batch, compare, sweep, staff
}
