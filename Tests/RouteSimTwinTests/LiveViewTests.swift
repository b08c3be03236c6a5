import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RouteSimTwin

/// The live view at `/` and the clock fields it shows.
@Suite struct LiveViewTests {
    @Test func theLiveViewIsServedAtTheRootBehindTheAccountsCredentials() async throws {
        try await TwinClient.withTwin { twin in
            let refused = try await twin.client.execute(uri: "/", method: .get)
            #expect(refused.status == .unauthorized)
            // A browser prompts for the account SID and token on this challenge ...
            #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=\"") == true)
            // ... and the body is still Twilio's error.
            #expect(try await twin.send(.get, "/", authenticate: false).code == 20003)

            let credentials = Data("\(TwinClient.credentials.accountSid):\(TwinClient.credentials.authToken)".utf8)
            let page = try await twin.client.execute(
                uri: "/", method: .get, headers: [.authorization: "Basic " + credentials.base64EncodedString()])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.hasPrefix("<!doctype html>") && html.contains("<title>routesim · live view</title>"))
            // Everything it needs is in it: no stylesheet, script or image from elsewhere.
            #expect(html.firstMatch(of: /(src|href)\s*=\s*["']?(https?:)?\/\//) == nil)
            #expect(html.contains("/routesim/v1/Clock") && html.contains("/RealTimeStatistics"))
        }
    }

    @Test func theClockTellsItsModeAndSpeed() async throws {
        try await TwinClient.withTwin { twin in
            let manual = try await twin.send(.get, "/routesim/v1/Clock")
            #expect(manual["mode"] as? String == "manual" && manual["speed"] is NSNull)
        }
        let realtime = Twin(credentials: TwinClient.credentials, clock: TwinClock(mode: .realtime(speed: 60)))
        try await TwinClient.withTwin(realtime) { twin in
            let clock = try await twin.send(.get, "/routesim/v1/Clock")
            #expect(clock["mode"] as? String == "realtime" && clock["speed"] as? Int == 60)
        }
    }
}
