/// A problem with what `routesim stats` was asked for.
struct StatsError: UserFacingError {
    var problem: String
    var problems: [String] { [problem] }
}
