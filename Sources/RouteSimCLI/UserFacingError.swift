import RouteSimScenario
import RouteSimStore

/// An error caused by the user's input or files, told as one line per problem.
protocol UserFacingError: Error {
    /// One self-contained line per problem: what, where, what was expected.
    var problems: [String] { get }
    /// The process exit code.
    var exitCode: Int32 { get }
}

extension UserFacingError {
    var exitCode: Int32 { 1 }
}

extension ScenarioErrors: UserFacingError {
    var problems: [String] { errors.map(\.description) }
}

extension StoreError: UserFacingError {
    var problems: [String] { [description] }
}

extension ExportError: UserFacingError {
    var problems: [String] { [description] }
}

extension MergeError: UserFacingError {
    var problems: [String] { [description] }
}

extension CallHistoryErrors: UserFacingError {
    var problems: [String] { errors.map(\.description) }
}
