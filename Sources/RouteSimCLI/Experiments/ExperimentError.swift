/// A problem with what an experiment command (batch, compare, sweep, staff) was asked, or
/// the user stopping it.
struct ExperimentError: UserFacingError {
    var problems: [String]
    var exitCode: Int32 = 1

    /// One problem, exit code 1.
    init(_ problem: String) {
        problems = [problem]
    }

    /// Ctrl-C: what is kept, exit code 130 as a shell reports a process ended by SIGINT.
    static func interrupted(committed: Int, planned: Int, path: String) -> ExperimentError {
        var error = ExperimentError("interrupted: \(committed) of \(planned) runs are complete in \(path); no run is half-written")
        error.exitCode = 130
        return error
    }
}
