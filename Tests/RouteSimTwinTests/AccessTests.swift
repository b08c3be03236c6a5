import Foundation
import Testing
import RouteSimTwin

/// Authentication, unknown paths and the parsing of bodies and query strings.
@Suite struct AccessTests {
    @Test func missingOrWrongCredentialsAre401WithCode20003() async throws {
        try await TwinClient.withTwin { twin in
            let missing = try await twin.send(.get, "/v1/Workspaces", authenticate: false)
            #expect(missing.status == 401 && missing.code == 20003)
            #expect(missing["more_info"] as? String == "https://www.twilio.com/docs/errors/20003")
            #expect(Set(missing.json?.keys.map { $0 } ?? []) == ["code", "message", "more_info", "status"])
            let token = try await twin.send(.get, "/v1/Workspaces", password: "wrong")
            #expect(token.status == 401 && token.code == 20003)
            let account = try await twin.send(.get, "/v1/Workspaces", user: "AC" + String(repeating: "b", count: 32))
            #expect(account.status == 401 && account.code == 20003)
            // Nothing is created by a refused request, and an unknown path asks for credentials first.
            let refused = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "x")], password: "wrong")
            #expect(refused.status == 401)
            #expect(try await twin.send(.get, "/v1/Workspaces").items("workspaces").isEmpty)
            #expect(try await twin.send(.get, "/v1/Nothing", authenticate: false).status == 401)
        }
    }

    @Test func unknownPathsAndResourcesAre404WithCode20404() async throws {
        try await TwinClient.withTwin { twin in
            let path = try await twin.send(.get, "/v1/Nothing/Here")
            #expect(path.status == 404 && path.code == 20404)
            #expect(path["message"] as? String == "The requested resource /v1/Nothing/Here was not found")
            let workspace = try await twin.workspace("W")
            let missing = "WK" + String(repeating: "0", count: 32)
            let worker = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Workers/\(missing)")
            #expect(worker.status == 404 && worker.code == 20404)
            #expect(worker["message"] as? String == "The requested resource /v1/Workspaces/\(workspace)/Workers/\(missing) was not found")
            #expect(try await twin.send(.delete, "/v1/Workspaces/\(workspace)/Activities/\(missing)").code == 20404)
            #expect(try await twin.send(.put, "/v1/Workspaces").status == 404)
        }
    }

    @Test func aBodyTooLargeAndAnUnknownEventTypeAreAnsweredInTwiliosShape() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            let large = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Workers", [("FriendlyName", String(repeating: "x", count: 3_000_000))])
            #expect(large.status == 413 && large.code == 20001, "\(large.json ?? [:])")
            #expect((large["message"] as? String)?.hasPrefix("The request body is larger than") == true)
            let events = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Events?EventType=bogus")
            #expect(events.code == 20001 && events["message"] as? String == #"Invalid EventType: "bogus" is not a TaskRouter event type"#)
        }
    }

    @Test func formBodiesKeepRepeatedKeysAndReadPlusAsSpace() throws {
        let parameters = try TwinParameters(encoded: "Status=pending&Status=reserved&Name=Support+Team&Plus=%2B1&Empty=&Flag")
        #expect(parameters.values("Status") == ["pending", "reserved"])
        #expect(parameters.value("Status") == "pending")
        #expect(parameters.value("Name") == "Support Team")
        #expect(parameters.value("Plus") == "+1")
        #expect(parameters.value("Empty") == "" && parameters.value("Flag") == "")
        #expect(parameters.value("status") == nil)
        #expect(throws: TwinError.self) { try TwinParameters(encoded: "Name=%zz") }
    }

    @Test func booleansAreTrueOrFalseAndAnythingElseIsRefused() throws {
        let parameters = try TwinParameters(encoded: "A=true&B=False&C=1&D=maybe")
        #expect(try parameters.bool("A") == true)
        #expect(try parameters.bool("B") == false)
        #expect(try parameters.bool("C") == true)
        #expect(try parameters.bool("Z") == nil)
        #expect(throws: TwinError.invalidParameter("Invalid D: expected true or false, got \"maybe\"")) { try parameters.bool("D") }
    }

    @Test func aRepeatedKeyInARequestBodyIsRead() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            // A repeated key is not an error: the first value counts for a single-valued parameter.
            let created = try await twin.send(.post, "/v1/Workspaces/\(workspace)/Activities", [
                ("FriendlyName", "On Break"), ("FriendlyName", "Ignored"), ("Available", "false"),
            ])
            #expect(created.status == 201 && created["friendly_name"] as? String == "On Break")
        }
    }
}
