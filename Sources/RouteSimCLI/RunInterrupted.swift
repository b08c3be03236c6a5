/// Ctrl-C during `routesim run`: what the results file kept, with exit code 130 as a shell
/// reports a process ended by SIGINT.
struct RunInterrupted: UserFacingError {
    /// The results file.
    var path: String
    /// The run's id when it had ended and was committed before the interruption was seen;
    /// nil when the simulation was stopped, its transaction rolled back.
    var storedRun: Int64?

    var exitCode: Int32 { 130 }

    var problems: [String] {
        if let storedRun {
            return ["interrupted: the run had ended and is stored in \(path) as run \(storedRun)"]
        }
        return ["interrupted: the run was stopped before its end and nothing of it is stored in \(path); the runs it held before are unchanged"]
    }
}
