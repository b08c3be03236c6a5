import Foundation

/// A `routesim` process started in the background, its output collected on pipes.
struct BackgroundCommand {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Sends `signal` and waits for the end; returns stdout and stderr.
    func stop(with signal: Int32) -> (stdout: String, stderr: String) {
        kill(process.processIdentifier, signal)
        return wait()
    }

    /// Waits for the end; returns stdout and stderr.
    func wait() -> (stdout: String, stderr: String) {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
