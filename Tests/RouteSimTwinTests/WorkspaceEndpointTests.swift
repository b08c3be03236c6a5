import Foundation
import Testing
import RouteSimTwin

/// `/v1/Workspaces`: create with each template, fetch, list with paging, update, delete,
/// and the errors of each, through the HTTP handlers.
@Suite struct WorkspaceEndpointTests {
    @Test func createWithTheFIFOTemplateGivesTaskRoutersProperties() async throws {
        try await TwinClient.withTwin { twin in
            let created = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "Support Team"), ("Template", "FIFO")])
            #expect(created.status == 201)
            let sid = try #require(created["sid"] as? String)
            #expect(sid.count == 34 && sid.hasPrefix("WS"))
            #expect(created["account_sid"] as? String == TwinClient.credentials.accountSid)
            #expect(created["friendly_name"] as? String == "Support Team")
            #expect(created["multi_task_enabled"] as? Bool == true)
            #expect(created["prioritize_queue_order"] as? String == "FIFO")
            #expect(created["default_activity_name"] as? String == "Offline")
            #expect(created["timeout_activity_name"] as? String == "Offline")
            #expect(created["date_created"] as? String == "2026-01-01T00:00:00Z")
            #expect(created["url"] as? String == "http://localhost/v1/Workspaces/\(sid)")
            #expect((created["links"] as? [String: String])?["task_queues"] == "http://localhost/v1/Workspaces/\(sid)/TaskQueues")
            #expect(created["event_callback_url"] is NSNull && created["events_filter"] is NSNull)

            let activities = try await twin.send(.get, "/v1/Workspaces/\(sid)/Activities")
            #expect(activities.items("activities").map { $0["friendly_name"] as? String } == ["Offline", "Available", "Unavailable"])
            #expect(activities.items("activities").map { $0["available"] as? Bool } == [false, true, false])
            #expect(created["default_activity_sid"] as? String == activities.items("activities").first?["sid"] as? String)
            let channels = try await twin.send(.get, "/v1/Workspaces/\(sid)/TaskChannels")
            #expect(channels.items("channels").map { $0["unique_name"] as? String } == ["default", "voice", "sms", "chat", "video"])
            let queues = try await twin.send(.get, "/v1/Workspaces/\(sid)/TaskQueues")
            let queue = try #require(queues.items("task_queues").first)
            #expect(queues.items("task_queues").count == 1)
            #expect(queue["friendly_name"] as? String == "Sample Queue")
            #expect(queue["target_workers"] as? String == "1==1")
            #expect(queue["task_order"] as? String == "FIFO" && queue["max_reserved_workers"] as? Int == 1)
            let workflows = try await twin.send(.get, "/v1/Workspaces/\(sid)/Workflows")
            let workflow = try #require(workflows.items("workflows").first)
            #expect(workflow["friendly_name"] as? String == "Default Fifo Workflow")
            #expect(workflow["task_reservation_timeout"] as? Int == 120)
            let configuration = try #require(workflow["configuration"] as? String)
            #expect(configuration.contains(try #require(queue["sid"] as? String)))
        }
    }

    @Test func theNoneTemplateMakesNoQueueNorWorkflow() async throws {
        try await TwinClient.withTwin { twin in
            let sid = try await twin.workspace("Plain", [("Template", "NONE"), ("MultiTaskEnabled", "false"), ("PrioritizeQueueOrder", "LIFO")])
            let fetched = try await twin.send(.get, "/v1/Workspaces/\(sid)")
            #expect(fetched.status == 200)
            #expect(fetched["multi_task_enabled"] as? Bool == false)
            #expect(fetched["prioritize_queue_order"] as? String == "LIFO")
            #expect(try await twin.send(.get, "/v1/Workspaces/\(sid)/TaskQueues").items("task_queues").isEmpty)
            #expect(try await twin.send(.get, "/v1/Workspaces/\(sid)/Workflows").items("workflows").isEmpty)
        }
    }

    @Test func invalidParametersAre400WithCode20001() async throws {
        try await TwinClient.withTwin { twin in
            let missing = try await twin.send(.post, "/v1/Workspaces", [("Template", "FIFO")])
            #expect(missing.status == 400 && missing.code == 20001)
            #expect(missing["message"] as? String == "Missing required parameter FriendlyName in the post body")
            #expect(missing["more_info"] as? String == "https://www.twilio.com/docs/errors/20001")
            #expect(missing["status"] as? Int == 400)
            #expect(Set(missing.json?.keys.map { $0 } ?? []) == ["code", "message", "more_info", "status"])
            let long = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", String(repeating: "x", count: 65))])
            #expect(long.status == 400 && long.code == 20001)
            #expect(try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", String(repeating: "x", count: 64))]).status == 201)
            let template = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "a"), ("Template", "LIFO")])
            #expect(template.status == 400 && template.code == 20001)
            #expect((template["message"] as? String)?.contains("NONE, FIFO") == true)
            let filter = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "a"), ("EventsFilter", "task.created,task.nothing")])
            #expect(filter.status == 400 && (filter["message"] as? String)?.contains("task.nothing") == true)
            for url in ["not a url", "ftp://example.com/events", "https://"] {
                let callback = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "a"), ("EventCallbackUrl", url)])
                #expect(callback.status == 400 && (callback["message"] as? String)?.contains("Invalid EventCallbackUrl") == true, "\(url)")
            }
            let cleared = try await twin.send(.post, "/v1/Workspaces", [("FriendlyName", "c"), ("EventCallbackUrl", ""), ("Template", "FIFO")])
            #expect(cleared.status == 201)
            let workflow = try await twin.send(.post, "/v1/Workspaces/\(try #require(cleared["sid"] as? String))/Workflows", [
                ("FriendlyName", "w"), ("Configuration", #"{"task_routing":{"filters":[],"default_filter":{"queue":"Sample Queue"}}}"#),
                ("AssignmentCallbackUrl", "example.com/assign"),
            ])
            #expect(workflow.status == 400 && (workflow["message"] as? String)?.contains("Invalid AssignmentCallbackUrl") == true, "\(workflow.json ?? [:])")
            let pageSize = try await twin.send(.get, "/v1/Workspaces?PageSize=0")
            #expect(pageSize.status == 400 && pageSize["message"] as? String == "Invalid PageSize.")
            #expect(try await twin.send(.get, "/v1/Workspaces?PageSize=1001").status == 400)
        }
    }

    @Test func aMultitaskingWorkspaceCannotGoBackToSingleTasking() async throws {
        try await TwinClient.withTwin { twin in
            let multi = try await twin.workspace("Multi")
            let refused = try await twin.send(.post, "/v1/Workspaces/\(multi)", [("MultiTaskEnabled", "false")])
            #expect(refused.status == 400 && refused.code == 20001)
            #expect(try await twin.send(.get, "/v1/Workspaces/\(multi)")["multi_task_enabled"] as? Bool == true)
            let single = try await twin.workspace("Single", [("MultiTaskEnabled", "false")])
            let upgraded = try await twin.send(.post, "/v1/Workspaces/\(single)", [("MultiTaskEnabled", "true")])
            #expect(upgraded.status == 200 && upgraded["multi_task_enabled"] as? Bool == true)
        }
    }

    @Test func updateChangesEveryPropertyItNames() async throws {
        try await TwinClient.withTwin { twin in
            let sid = try await twin.workspace("Before")
            let activities = try await twin.send(.get, "/v1/Workspaces/\(sid)/Activities").items("activities")
            try #require(activities.count == 3)
            let available = try #require(activities[1]["sid"] as? String)
            let unavailable = try #require(activities[2]["sid"] as? String)
            _ = try await twin.send(.post, "/routesim/v1/Clock", [("Advance", "61")])
            let updated = try await twin.send(.post, "/v1/Workspaces/\(sid)", [
                ("FriendlyName", "After"), ("EventCallbackUrl", "https://example.com/events"),
                ("EventsFilter", "task.created, worker.activity.update"), ("PrioritizeQueueOrder", "LIFO"),
                ("DefaultActivitySid", available), ("TimeoutActivitySid", unavailable),
            ])
            #expect(updated.status == 200)
            #expect(updated["friendly_name"] as? String == "After")
            #expect(updated["event_callback_url"] as? String == "https://example.com/events")
            #expect(updated["events_filter"] as? String == "task.created, worker.activity.update")
            #expect(updated["prioritize_queue_order"] as? String == "LIFO")
            #expect(updated["default_activity_name"] as? String == "Available")
            #expect(updated["timeout_activity_sid"] as? String == unavailable)
            #expect(updated["date_created"] as? String == "2026-01-01T00:00:00Z")
            #expect(updated["date_updated"] as? String == "2026-01-01T00:01:01Z")
            let unknown = try await twin.send(.post, "/v1/Workspaces/\(sid)", [("DefaultActivitySid", "WA" + String(repeating: "0", count: 32))])
            #expect(unknown.status == 400 && unknown.code == 20001)
        }
    }

    @Test func deleteAnswers204AndTheWorkspaceIsGone() async throws {
        try await TwinClient.withTwin { twin in
            let sid = try await twin.workspace("Doomed")
            let deleted = try await twin.send(.delete, "/v1/Workspaces/\(sid)")
            #expect(deleted.status == 204 && deleted.json == nil)
            let fetched = try await twin.send(.get, "/v1/Workspaces/\(sid)")
            #expect(fetched.status == 404 && fetched.code == 20404)
            #expect(fetched["message"] as? String == "The requested resource /v1/Workspaces/\(sid) was not found")
            #expect(try await twin.send(.get, "/v1/Workspaces/\(sid)/Activities").status == 404)
        }
    }

    @Test func listPagesWithAbsoluteURLsOnThisServer() async throws {
        try await TwinClient.withTwin { twin in
            var sids: [String] = []
            for number in 1...5 { sids.append(try await twin.workspace("Workspace \(number)")) }
            var seen: [String] = []
            var next: String? = "http://localhost/v1/Workspaces?PageSize=2"
            var pages: [[String: Any]] = []
            while let url = next {
                let page = try await twin.send(.get, String(url.dropFirst("http://localhost".count)))
                #expect(page.status == 200)
                seen += page.items("workspaces").compactMap { $0["sid"] as? String }
                pages.append(try #require(page.json?["meta"] as? [String: Any]))
                next = page.meta("next_page_url") as? String
            }
            #expect(seen == sids)
            try #require(pages.count == 3)
            #expect(pages.map { $0["page"] as? Int } == [0, 1, 2])
            #expect(pages.allSatisfy { $0["key"] as? String == "workspaces" && $0["page_size"] as? Int == 2 })
            #expect(pages[0]["first_page_url"] as? String == "http://localhost/v1/Workspaces?PageSize=2&Page=0")
            #expect(pages[0]["next_page_url"] as? String == "http://localhost/v1/Workspaces?PageSize=2&Page=1&PageToken=PT2")
            #expect(pages[0]["previous_page_url"] is NSNull)
            #expect(pages[1]["url"] as? String == "http://localhost/v1/Workspaces?PageSize=2&Page=1")
            #expect(pages[2]["previous_page_url"] as? String == "http://localhost/v1/Workspaces?PageSize=2&Page=1&PageToken=PT2")
            #expect(pages[2]["next_page_url"] is NSNull)

            let page1 = try await twin.send(.get, "/v1/Workspaces?PageSize=2&Page=1")
            #expect(page1.items("workspaces").compactMap { $0["sid"] as? String } == Array(sids[2...3]))
            let whole = try await twin.send(.get, "/v1/Workspaces")
            #expect(whole.items("workspaces").count == 5 && whole.meta("page_size") as? Int == 50)
        }
    }

    @Test func theFriendlyNameFilterIsRepeatedInThePageURLs() async throws {
        try await TwinClient.withTwin { twin in
            for _ in 1...3 { _ = try await twin.workspace("Same Name") }
            _ = try await twin.workspace("Other")
            let page = try await twin.send(.get, "/v1/Workspaces?FriendlyName=Same+Name&PageSize=2")
            #expect(page.items("workspaces").count == 2)
            #expect(page.items("workspaces").allSatisfy { $0["friendly_name"] as? String == "Same Name" })
            #expect(page.meta("next_page_url") as? String
                == "http://localhost/v1/Workspaces?FriendlyName=Same%20Name&PageSize=2&Page=1&PageToken=PT2")
            let last = try await twin.send(.get, "/v1/Workspaces?FriendlyName=Same%20Name&PageSize=2&Page=1&PageToken=PT2")
            #expect(last.items("workspaces").count == 1)
        }
    }

    @Test func sidsNeverRepeatAcrossWorkspaces() async throws {
        try await TwinClient.withTwin { twin in
            var sids: [String] = []
            for name in ["One", "Two", "Three"] {
                let workspace = try await twin.workspace(name, [("Template", "FIFO")])
                sids.append(workspace)
                for kind in ["Activities", "TaskChannels", "TaskQueues", "Workflows"] {
                    let list = try await twin.send(.get, "/v1/Workspaces/\(workspace)/\(kind)")
                    sids += (list.json?[list.meta("key") as? String ?? ""] as? [[String: Any]] ?? []).compactMap { $0["sid"] as? String }
                }
            }
            // Per workspace: itself, 3 activities, 5 channels, the FIFO queue and workflow.
            let perWorkspace = 11
            #expect(sids.count == 3 * perWorkspace)
            #expect(Set(sids).count == sids.count)
        }
    }
}
