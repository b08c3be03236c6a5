import Foundation

/// Bytes appended in memory and written to a file a mebibyte at a time, counting the total.
///
/// Creating it creates (or truncates) the file. Callers append text or bytes with
/// ``append(_:)-(String)`` and ``append(_:)-([UInt8])``, or fill ``buffer`` themselves and
/// call ``flushIfFull()``; ``close()`` writes the rest.
final class BufferedOutput {
    /// The bytes not yet written.
    var buffer: [UInt8] = []
    /// Bytes written to the file so far, plus those in ``buffer``.
    var count: Int64 { written + Int64(buffer.count) }
    /// The path errors name.
    private let path: String
    private let handle: FileHandle
    private var written: Int64 = 0
    private static let chunk = 1 << 20

    /// Creates the file at `url`; errors name `path` (the output the user gave).
    init(url: URL, path: String) throws(ExportError) {
        self.path = path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ExportError(path: path, reason: "cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw ExportError(path: path, reason: error.localizedDescription)
        }
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Appends `text` as UTF-8.
    func append(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        try flushIfFull()
    }

    /// Writes the buffer out once it holds a chunk.
    func flushIfFull() throws(ExportError) {
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws(ExportError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw ExportError(path: path, reason: error.localizedDescription)
        }
    }

    private func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ExportError(path: path, reason: error.localizedDescription)
        }
        written += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}
