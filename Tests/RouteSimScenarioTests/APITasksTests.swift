import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// `api_tasks:`, the work of tasks created through `routesim serve`'s REST API.
@Suite struct APITasksTests {
    @Test func givenChannelsKeepTheirTimesAndOthersTakeTheirFirstStreams() throws {
        let spec = try Fixtures.load(Fixtures.minimal + """

            api_tasks:
              chat: {handle_time: 7m, wrapup_time: 30s}
            """).spec
        let chat = try #require(spec.workspace.channelIndex(named: "chat"))
        let voice = try #require(spec.workspace.channelIndex(named: "voice"))
        #expect(spec.apiWork(channel: chat) == APITaskWork(handleTime: .fixed(420), wrapupTime: .fixed(30)))
        #expect(spec.apiWork(channel: voice).handleTime == spec.arrivals[0].handleTime)
    }

    @Test func anUnknownChannelOrAMissingHandleTimeIsRefused() {
        let problems = Fixtures.errors(Fixtures.minimal + """

            api_tasks:
              fax: {handle_time: 1m}
              chat: {wrapup_time: 1m}
            """)
        let text = problems.map(\.description).joined(separator: "\n")
        #expect(problems.count == 2, "\(text)")
        #expect(text.contains("fax"))
        #expect(text.contains("handle_time"))
    }
}
