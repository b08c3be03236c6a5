/// An export output that could not be written.
///
/// The description names the output and the file system's (or the zip writer's) reason,
/// e.g. `cannot write out/r.xlsx: Permission denied`.
public struct ExportError: Error, CustomStringConvertible, Equatable {
    /// The output file or folder, as given.
    public var path: String
    /// Why it failed.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
