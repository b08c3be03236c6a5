import Foundation
import GRDB

/// The checks a results file passes before routesim reads or writes it, so that a file that
/// is not routesim's is refused untouched and a file that cannot be written is named with
/// the reason.
///
/// The checks that need no SQLite look at the file itself (its first bytes, whether it can
/// be opened); the others read the schema through a connection that has not written
/// anything yet.
enum ResultsFile {
    /// The first 16 bytes of every SQLite database file.
    private static let header = Array("SQLite format 3\0".utf8)

    /// Checks that `path` can hold routesim's runs: an existing file must be writable and be
    /// empty or SQLite; a missing one is created empty, to learn whether its folder takes it.
    static func checkWritable(_ path: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) {
            try checkSQLite(path, mode: O_RDWR)
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            let folder = (path as NSString).deletingLastPathComponent
            throw StoreError(.open, path: path, reason: "cannot create a file in the folder \(folder.isEmpty ? "." : folder): \(reason(code))")
        }
        close(descriptor)
    }

    /// Checks that the existing file at `path` opens with `mode` and is empty or starts as a
    /// SQLite database does; a folder, an unreadable file or another kind of file is refused.
    static func checkSQLite(_ path: String, mode: Int32) throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError(.open, path: path, reason: "it is a folder, not a results file")
        }
        let descriptor = open(path, mode)
        guard descriptor >= 0 else {
            let code = errno
            let access = mode == O_RDONLY ? "readable" : "writable"
            throw StoreError(.open, path: path, reason: "the file is not \(access): \(reason(code))")
        }
        defer { close(descriptor) }
        var start = [UInt8](repeating: 0, count: header.count)
        let count = read(descriptor, &start, start.count)
        if count != 0 && (count != header.count || start != header) {
            throw StoreError(.open, path: path, reason: "not a routesim results file (not a SQLite database)")
        }
    }

    /// Throws when `db` holds tables and they are not a routesim results file's (no `runs`
    /// table, or no routesim migration); an empty database passes.
    static func checkRoutesim(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        guard !tables.isEmpty else { return }
        let isResults = try tables.contains("runs") && tables.contains("grdb_migrations")
            && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") == true
        if !isResults {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw StoreError(
                .open, path: path, reason: "not a routesim results file (another program's SQLite database, with tables \(shown))")
        }
    }

    /// Creates the folder `path` (the current folder when empty) and the folders above it
    /// that are missing; returns nil, or why not, naming the folder that could not be made.
    static func createFolder(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        if path.isEmpty || FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return path.isEmpty || isFolder.boolValue ? nil : "\(path) is a file, not a folder"
        }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, let failure = createFolder(parent) { return failure }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            return "cannot create the folder \(path) (\(reason(errno)))"
        }
        return nil
    }

    /// Writes the file `path` whole or not at all: `write` fills a hidden file beside it
    /// (`.NAME.TAG-PID`, and must close it), which is then renamed to `path`, taking the place
    /// of the file there; on failure the hidden file and its SQLite companions are removed
    /// and `path` is left as it was.
    static func writeAside(_ path: String, tag: String, _ write: (String) throws -> Void) throws {
        let name = (path as NSString).lastPathComponent
        let hidden = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".\(name).\(tag)-\(getpid())")
        let leftovers = [hidden, hidden + "-wal", hidden + "-shm", journal(of: hidden)]
        func removeLeftovers() { for file in leftovers { try? FileManager.default.removeItem(atPath: file) } }
        removeLeftovers()
        do {
            try write(hidden)
            guard rename(hidden, path) == 0 else {
                throw StoreError(.write, path: path, reason: "cannot rename \(hidden) to it: \(reason(errno))")
            }
        } catch {
            removeLeftovers()
            throw error
        }
    }

    /// The path of SQLite's rollback journal of the database at `path`.
    static func journal(of path: String) -> String { path + "-journal" }

    /// Whether a rollback journal with content lies beside the database at `path`: a write
    /// that did not finish (the process was killed, or the disk filled), which SQLite rolls
    /// back when the file is next opened for writing.
    static func hasJournal(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: journal(of: path))[.size] as? Int) ?? nil
        return (size ?? 0) > 0
    }

    /// The C library's words for `code`.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
