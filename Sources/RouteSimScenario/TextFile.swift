import Foundation

/// Reads the UTF-8 text files a load needs (the scenario and the files it imports), up to a
/// size, so that a huge file is refused before it is parsed.
enum TextFile {
    /// Why a file cannot be read, as messages word it.
    struct Unreadable: Error {
        /// `no such file`, `it is a folder, not a file`, `not readable UTF-8 text`, ...
        let reason: String
    }

    /// The most bytes of a YAML or JSON document (the scenario, a file `taskrouter:` imports):
    /// large enough for a full page of 1,000 exported workers.
    static let documentLimit = 4_000_000

    /// The most bytes of a trace (CSV) file.
    static let traceLimit = 32_000_000

    /// `path` as the scenario at `scenarioPath` means it: absolute as given, relative from
    /// the scenario file's folder.
    static func path(_ path: String, nextTo scenarioPath: String) -> String {
        guard !path.hasPrefix("/"), let slash = scenarioPath.lastIndex(of: "/") else { return path }
        return String(scenarioPath[...slash]) + path
    }

    /// The text of the file at `path`, which may have at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws(Unreadable) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Unreadable(reason: "no such file")
        }
        guard !isFolder.boolValue else { throw Unreadable(reason: "it is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Unreadable(reason: "permission denied") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw Unreadable(reason: "it cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else {
            throw Unreadable(reason: "it is larger than \(limit / 1_000_000) MB, the most this kind of file may have")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Unreadable(reason: "not readable UTF-8 text")
        }
        return text
    }
}
