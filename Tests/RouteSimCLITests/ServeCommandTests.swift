import Foundation
import Testing

/// `routesim serve` as a process: what it prints, and that it stops cleanly by signal and by
/// its own limits.
@Suite struct ServeCommandTests {
    @Test func ctrlCStopsItCleanlyAfterItPrintedItsURLAndNewCredentials() throws {
        let runner = try CommandRunner()
        let server = try BackgroundCommand(["serve", "--port", "0", "--max-seconds", "120"], in: runner.folder)
        Thread.sleep(forTimeInterval: 2)
        #expect(server.process.isRunning, "the server stopped by itself")
        let output = server.stop(with: SIGINT)
        #expect(server.process.terminationStatus == 0, "\(output.stderr)")
        let url = try #require(output.stdout.firstMatch(of: /base URL: +http:\/\/127\.0\.0\.1:(\d+)\n/), "\(output.stdout)")
        #expect((Int(url.1) ?? 0) > 0)
        #expect(output.stdout.contains(/account SID: AC[0-9a-f]{32}\n/), "\(output.stdout)")
        #expect(output.stdout.contains(/auth token: +[0-9a-f]{32}\n/), "\(output.stdout)")
        #expect(output.stdout.contains("time 0 is 2026-01-01T00:00:00Z"))
        #expect(output.stdout.contains("live view:   http://127.0.0.1:\(url.1)/ in a browser"), "\(output.stdout)")
    }

    @Test func itStopsByItselfAfterMaxSeconds() throws {
        let runner = try CommandRunner()
        let started = Date()
        let output = try runner.run("serve", "--port", "0", "--max-seconds", "1", "--account-sid", "AC" + String(repeating: "5", count: 32))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(output.stdout.contains("account SID: AC" + String(repeating: "5", count: 32)))
    }

    @Test func badOptionsAreRefusedBeforeListening() throws {
        let runner = try CommandRunner()
        for (arguments, message) in [
            (["--speed", "2"], "--speed: only with --clock realtime"),
            (["--clock", "realtime", "--speed", "0"], "--speed: expected a number above 0"),
            (["--account-sid", "AC12"], "--account-sid: expected AC and 32 hex digits"),
            (["--port", "70000"], "--port: expected 0 to 65535"),
            (["--max-requests", "0"], "--max-requests: expected 1 or more"),
        ] {
            let output = try runner.run(["serve"] + arguments)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
    }
}
