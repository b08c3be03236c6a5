/// A problem with what `routesim report` was asked for.
struct ReportError: UserFacingError {
    var problem: String
    var problems: [String] { [problem] }
}
