/// The twin's server could not run: the address could not be bound, or it failed while
/// serving.
struct ServeError: UserFacingError {
    /// Where it was to listen, `host:port`.
    let address: String
    /// What the system said.
    let reason: String

    var problems: [String] { ["cannot serve on \(address): \(reason)"] }
}
