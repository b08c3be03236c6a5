import Foundation

/// Lines routesim says on standard error beside its output: warnings and notes, never
/// errors (those end a command through ``UserFacingError``).
enum StandardError {
    /// Writes `routesim: TEXT` and a newline.
    static func say(_ text: String) {
        FileHandle.standardError.write(Data("routesim: \(text)\n".utf8))
    }
}
