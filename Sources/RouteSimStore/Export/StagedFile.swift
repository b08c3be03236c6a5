import Foundation

/// An output file written under a temporary name in its own folder and renamed into place
/// when complete, so that a failed or interrupted export leaves no half-written file.
///
/// The temporary name is hidden (`.NAME.UUID.tmp`) and in the same folder, so the rename is
/// atomic. Until ``commit()``, ``discard()`` removes it.
struct StagedFile {
    /// The file's final path, as given.
    let path: String
    /// Where it is written meanwhile.
    let temporaryURL: URL

    /// Stages `path`; throws when its folder does not exist, is not a folder or does not
    /// take a new file, or when `path` exists and may not be replaced (`replacing` false).
    init(path: String, replacing: Bool) throws(ExportError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ExportError(path: path, reason: "no such folder \(folder.path)")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else { throw ExportError(path: path, reason: "it is a folder") }
            guard replacing else {
                throw ExportError(path: path, reason: "the file exists; routesim replaces a file only when given --force")
            }
        }
        temporaryURL = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let probe = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard probe >= 0 else {
            let code = errno
            throw ExportError(path: path, reason: "cannot create a file in the folder \(folder.path): \(String(cString: strerror(code)))")
        }
        close(probe)
        unlink(temporaryURL.path)
    }

    /// A sibling scratch file of this one (e.g. a sheet spooled before zipping), removed by
    /// the caller.
    func scratchURL(_ suffix: String) -> URL {
        temporaryURL.deletingPathExtension().appendingPathExtension(suffix + ".tmp")
    }

    /// Moves the finished file into place, replacing an older one.
    func commit() throws(ExportError) {
        guard rename(temporaryURL.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw ExportError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file, if any.
    func discard() {
        try? FileManager.default.removeItem(at: temporaryURL)
    }
}
