import Testing
@testable import RouteSimTwin

/// What a statistics request computes: the real-time state (every task of the session) and
/// the window's counts (every kept event) only when its document shows them.
@Suite struct StatisticsContextTests {
    @Test func eachPartIsComputedOnlyWhenTheScopeShowsIt() async throws {
        let twin = Twin(credentials: TwinClient.credentials)
        try await TwinClient.withTwin(twin) { client in
            let workspace = try await client.workspace("Parts")
            let expected: [(TwinStatisticsScope, state: Bool, counts: Bool)] = [
                (.combined, true, true), (.realtime, true, false), (.cumulative, false, true),
            ]
            for (scope, state, counts) in expected {
                let context = try await twin.statisticsContext(workspace, scope, TwinParameters([]))
                #expect((context.state != nil) == state, "\(scope)")
                #expect((context.counts != nil) == counts, "\(scope)")
            }
        }
    }
}
