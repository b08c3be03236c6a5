import Foundation

/// Reads the UTF-8 text files a load needs (the scenario and the files it imports).
enum TextFile {
    /// Why a file cannot be read, as messages word it.
    struct Unreadable: Error {
        /// `no such file` or `not readable UTF-8 text`.
        let reason: String
    }

    /// The text of the file at `path`.
    static func read(_ path: String) throws(Unreadable) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Unreadable(reason: FileManager.default.fileExists(atPath: path) ? "not readable UTF-8 text" : "no such file")
        }
    }
}
