import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A finished child process.
struct ChildExit {
    /// The exit code, or nil when a signal ended it.
    var code: Int32?
    var signal: Int32?
    /// Peak resident memory from wait4's rusage (MB).
    var maxRSSMB: Double
    /// Wall seconds from spawn to exit (the child's own start-up included).
    var wallSeconds: Double

    var succeeded: Bool { code == 0 }
    var describe: String {
        if let code { return "exit status \(code)" }
        return "signal \(signal ?? -1)"
    }
}

enum Spawn {
    /// Runs `arguments` (the first looked up in PATH) with stdout into `stdoutPath` and, when
    /// given, stderr into `stderrPath` (else inherited); waits for it with wait4.
    static func run(_ arguments: [String], stdoutPath: String, stderrPath: String? = nil) throws -> ChildExit {
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw UsageError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw UsageError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = seconds(start.duration(to: clock.now))
        #if os(Linux)
            let maxRSS = Double(usage.ru_maxrss) / 1024
        #else
            let maxRSS = Double(usage.ru_maxrss) / 1_048_576
        #endif
        let signal = status & 0x7f
        if signal == 0 {
            return ChildExit(code: (status >> 8) & 0xff, signal: nil, maxRSSMB: maxRSS, wallSeconds: wall)
        }
        return ChildExit(code: nil, signal: signal, maxRSSMB: maxRSS, wallSeconds: wall)
    }

    /// This executable's path.
    static var selfPath: String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
