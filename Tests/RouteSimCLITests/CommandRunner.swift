import Foundation

/// Runs the built `routesim` binary the way a user would, in a scratch folder.
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh temporary folder per test.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("routesim-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The repository root (the folder holding Package.swift), found from this file.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The `routesim` binary next to the test bundle (swift test builds it first).
    static let binary: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("routesim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repository.appendingPathComponent(".build/debug/routesim")
    }()

    /// A shipped scenario's path.
    static func scenario(_ name: String) -> String {
        repository.appendingPathComponent("scenarios/" + name).path
    }

    /// Path of a file in the scratch folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes a scenario file into the scratch folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `routesim ARGUMENTS` with the scratch folder as working directory.
    func run(_ arguments: String...) throws -> Output {
        try run(arguments)
    }

    /// Runs `routesim` with `arguments` with the scratch folder as working directory.
    func run(_ arguments: [String]) throws -> Output {
        try Self.execute(Self.binary, arguments, in: folder)
    }

    /// Runs `executable` with `arguments` (in `folder`, else the current one) to its end.
    static func execute(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
