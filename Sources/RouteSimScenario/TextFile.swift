import Foundation

/// Reads the UTF-8 text files a load needs (the scenario and the files it imports).
enum TextFile {
    /// Why a file cannot be read, as messages word it.
    struct Unreadable: Error {
        /// `no such file` or `not readable UTF-8 text`.
        let reason: String
    }

    /// `path` as the scenario at `scenarioPath` means it: absolute as given, relative from
    /// the scenario file's folder.
    static func path(_ path: String, nextTo scenarioPath: String) -> String {
        guard !path.hasPrefix("/"), let slash = scenarioPath.lastIndex(of: "/") else { return path }
        return String(scenarioPath[...slash]) + path
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
