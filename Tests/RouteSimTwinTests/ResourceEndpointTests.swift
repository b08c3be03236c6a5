import Foundation
import Testing
import RouteSimTwin

/// Activities, TaskChannels, TaskQueues and Workflows of a workspace through the handlers.
@Suite struct ResourceEndpointTests {
    @Test func activitiesAreCreatedListedRenamedAndDeleted() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            let base = "/v1/Workspaces/\(workspace)/Activities"
            let created = try await twin.send(.post, base, [("FriendlyName", "Lunch"), ("Available", "false")])
            #expect(created.status == 201 && created["available"] as? Bool == false)
            let sid = try #require(created["sid"] as? String)
            #expect(sid.hasPrefix("WA") && created["url"] as? String == "http://localhost\(base)/\(sid)")
            #expect(try await twin.send(.post, base, [("FriendlyName", "Lunch")]).code == 20001)
            let renamed = try await twin.send(.post, "\(base)/\(sid)", [("FriendlyName", "Long Lunch"), ("Available", "true")])
            #expect(renamed["friendly_name"] as? String == "Long Lunch" && renamed["available"] as? Bool == false)
            let unavailable = try await twin.send(.get, "\(base)?Available=false")
            #expect(unavailable.items("activities").compactMap { $0["friendly_name"] as? String } == ["Offline", "Unavailable", "Long Lunch"])
            #expect(try await twin.send(.get, "\(base)?FriendlyName=Available").items("activities").count == 1)
            #expect(try await twin.send(.delete, "\(base)/\(sid)").status == 204)
            #expect(try await twin.send(.get, "\(base)/\(sid)").code == 20404)
            let offline = try #require(try await twin.send(.get, base).items("activities").first?["sid"] as? String)
            let inUse = try await twin.send(.delete, "\(base)/\(offline)")
            #expect(inUse.status == 400 && inUse.code == 20001)
        }
    }

    @Test func taskChannelsAreFoundBySidOrUniqueName() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            let base = "/v1/Workspaces/\(workspace)/TaskChannels"
            let created = try await twin.send(.post, base, [("FriendlyName", "Email"), ("UniqueName", "email"), ("ChannelOptimizedRouting", "false")])
            #expect(created.status == 201 && created["channel_optimized_routing"] as? Bool == false)
            #expect(try await twin.send(.get, "\(base)/email")["sid"] as? String == created["sid"] as? String)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Again"), ("UniqueName", "email")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Bad"), ("UniqueName", "e-mail")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "No unique name")]).code == 20001)
            let updated = try await twin.send(.post, "\(base)/email", [("FriendlyName", "E-mail")])
            #expect(updated["friendly_name"] as? String == "E-mail" && updated["unique_name"] as? String == "email")
            #expect(try await twin.send(.delete, "\(base)/email").status == 204)
            #expect(try await twin.send(.get, base).items("channels").count == 5)
        }
    }

    @Test func taskQueuesValidateTheirExpressionAndLimits() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            let activities = try await twin.send(.get, "/v1/Workspaces/\(workspace)/Activities").items("activities")
            try #require(activities.count == 3)
            let unavailable = try #require(activities[2]["sid"] as? String)
            let base = "/v1/Workspaces/\(workspace)/TaskQueues"
            let created = try await twin.send(.post, base, [
                ("FriendlyName", "Spanish"), ("TargetWorkers", "languages HAS \"es\""), ("TaskOrder", "LIFO"),
                ("MaxReservedWorkers", "3"), ("ReservationActivitySid", unavailable),
            ])
            #expect(created.status == 201)
            #expect(created["target_workers"] as? String == "languages HAS \"es\"")
            #expect(created["task_order"] as? String == "LIFO" && created["max_reserved_workers"] as? Int == 3)
            #expect(created["reservation_activity_name"] as? String == "Unavailable")
            #expect(created["assignment_activity_sid"] is NSNull)
            let hyphen = try await twin.send(.post, base, [("FriendlyName", "Bad"), ("TargetWorkers", "skill-level > 3")])
            #expect(hyphen.status == 400 && hyphen.code == 20001)
            #expect((hyphen["message"] as? String)?.hasPrefix("Invalid TargetWorkers \"skill-level > 3\": column") == true)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Many"), ("MaxReservedWorkers", "51")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "Order"), ("TaskOrder", "RANDOM")]).code == 20001)
            let sid = try #require(created["sid"] as? String)
            let updated = try await twin.send(.post, "\(base)/\(sid)", [("TargetWorkers", "1==1"), ("TaskOrder", "FIFO")])
            #expect(updated["target_workers"] as? String == "1==1" && updated["task_order"] as? String == "FIFO")
            #expect(updated["max_reserved_workers"] as? Int == 3)
        }
    }

    @Test func workflowsAreReadAsScenarioConfigurationsAndHoldTheirQueues() async throws {
        try await TwinClient.withTwin { twin in
            let workspace = try await twin.workspace("W")
            let queue = try #require(try await twin.send(.post, "/v1/Workspaces/\(workspace)/TaskQueues", [("FriendlyName", "Sales")])["sid"] as? String)
            let base = "/v1/Workspaces/\(workspace)/Workflows"
            let configuration = """
                {"task_routing":{"filters":[{"filter_friendly_name":"VIP","expression":"vip == true",\
                "targets":[{"queue":"\(queue)","priority":10,"timeout":30},{"expression":"worker.level > 2"}]}],\
                "default_filter":{"queue":"\(queue)"}}}
                """
            let created = try await twin.send(.post, base, [
                ("FriendlyName", "Routing"), ("Configuration", configuration), ("TaskReservationTimeout", "45"),
                ("AssignmentCallbackUrl", "https://example.com/assign"),
            ])
            #expect(created.status == 201)
            #expect(created["configuration"] as? String == configuration)
            #expect(created["task_reservation_timeout"] as? Int == 45)
            #expect(created["assignment_callback_url"] as? String == "https://example.com/assign")
            #expect(created["fallback_assignment_callback_url"] is NSNull)
            #expect(created["document_content_type"] as? String == "application/json")

            let unknown = try await twin.send(.post, base, [
                ("FriendlyName", "Bad"), ("Configuration", #"{"task_routing":{"default_filter":{"queue":"Nowhere"}}}"#),
            ])
            #expect(unknown.status == 400 && unknown.code == 20001)
            #expect((unknown["message"] as? String)?.contains(#"unknown queue "Nowhere""#) == true)
            let malformed = try await twin.send(.post, base, [("FriendlyName", "Bad"), ("Configuration", #"{"task_routing": ["#)])
            #expect(malformed.status == 400 && (malformed["message"] as? String)?.hasPrefix("Invalid Configuration: Configuration:") == true)
            #expect(try await twin.send(.post, base, [("FriendlyName", "None")]).code == 20001)
            #expect(try await twin.send(.post, base, [("FriendlyName", "T"), ("Configuration", configuration), ("TaskReservationTimeout", "0")]).code == 20001)

            let inUse = try await twin.send(.delete, "/v1/Workspaces/\(workspace)/TaskQueues/\(queue)")
            #expect(inUse.status == 400 && inUse.code == 20001)
            let sid = try #require(created["sid"] as? String)
            #expect(try await twin.send(.delete, "\(base)/\(sid)").status == 204)
            #expect(try await twin.send(.delete, "/v1/Workspaces/\(workspace)/TaskQueues/\(queue)").status == 204)
        }
    }
}
