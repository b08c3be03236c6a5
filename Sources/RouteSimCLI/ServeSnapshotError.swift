/// The twin's session could not be written to its results file (`routesim serve --out`)
/// when the server stopped.
struct ServeSnapshotError: UserFacingError {
    /// The results file.
    let path: String
    /// Why.
    let reason: String

    var problems: [String] { ["cannot write the session to \(path): \(reason)"] }
}
