import Foundation
import RouteSimScenario
import Testing

/// A small workspace as TaskRouter's REST API returns it, one JSON text per resource, and a
/// scenario importing it.
enum TaskRouterFixtures {
    /// A SID of `prefix` whose 32 hex digits are `number`, zero-padded.
    static func sid(_ prefix: String, _ number: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: 32 - digits.count) + digits
    }

    /// `GET /v1/Workspaces/WS…`, with fields routesim ignores.
    static let workspace = """
        {
          "account_sid": "\(sid("AC", 1))",
          "date_created": "2016-08-01T22:10:40Z",
          "date_updated": "2016-08-01T22:10:40Z",
          "default_activity_name": "Offline",
          "default_activity_sid": "\(sid("WA", 1))",
          "event_callback_url": "https://ngrok.com",
          "events_filter": "task.created,task.canceled",
          "friendly_name": "Imported Center",
          "multi_task_enabled": false,
          "prioritize_queue_order": "LIFO",
          "sid": "\(sid("WS", 1))",
          "timeout_activity_name": "Away",
          "timeout_activity_sid": "\(sid("WA", 3))",
          "url": "https://taskrouter.twilio.com/v1/Workspaces/\(sid("WS", 1))",
          "links": {"activities": "https://taskrouter.twilio.com/v1/Workspaces/\(sid("WS", 1))/Activities"}
        }
        """

    /// The `meta` of a one-page list response whose items are under `key`.
    static func meta(_ key: String, next: String? = nil) -> String {
        let url = "https://taskrouter.twilio.com/v1/Workspaces/\(sid("WS", 1))/X?PageSize=50&Page=0"
        let nextURL = next.map { "\"\($0)\"" } ?? "null"
        return """
            {"first_page_url": "\(url)", "key": "\(key)", "next_page_url": \(nextURL), "page": 0, "page_size": 50, \
            "previous_page_url": null, "url": "\(url)"}
            """
    }

    /// `GET …/Activities`: Offline, Ready (available), Away.
    static let activities = """
        {
          "activities": [
            {"account_sid": "\(sid("AC", 1))", "available": false, "friendly_name": "Offline", "sid": "\(sid("WA", 1))"},
            {"account_sid": "\(sid("AC", 1))", "available": true, "friendly_name": "Ready", "sid": "\(sid("WA", 2))"},
            {"account_sid": "\(sid("AC", 1))", "available": false, "friendly_name": "Away", "sid": "\(sid("WA", 3))"}
          ],
          "meta": \(meta("activities"))
        }
        """

    /// `GET …/TaskChannels`: three default channels, chat not channel-optimized, and email.
    static let taskChannels = """
        {
          "channels": [
            {"friendly_name": "Default", "sid": "\(sid("TC", 1))", "unique_name": "default", "channel_optimized_routing": true},
            {"friendly_name": "Voice", "sid": "\(sid("TC", 2))", "unique_name": "voice", "channel_optimized_routing": true},
            {"friendly_name": "Web Chat", "sid": "\(sid("TC", 3))", "unique_name": "chat", "channel_optimized_routing": false},
            {"friendly_name": "Email", "sid": "\(sid("TC", 6))", "unique_name": "email", "channel_optimized_routing": true}
          ],
          "meta": \(meta("channels"))
        }
        """

    /// `GET …/TaskQueues` as a bare list: Sales and Support.
    static let taskQueues = #"""
        [
          {
            "assignment_activity_name": "Away",
            "assignment_activity_sid": "\#(sid("WA", 3))",
            "friendly_name": "Sales",
            "max_reserved_workers": 2,
            "reservation_activity_name": null,
            "reservation_activity_sid": null,
            "sid": "\#(sid("WQ", 1))",
            "target_workers": "skills HAS \"sales\"",
            "task_order": "FIFO"
          },
          {
            "friendly_name": "Support",
            "max_reserved_workers": 1,
            "sid": "\#(sid("WQ", 2))",
            "target_workers": null,
            "task_order": "LIFO"
          }
        ]
        """#

    /// A workflow configuration, as the API returns it: JSON text routing by queue SIDs.
    static let configuration = #"""
        {\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"Sales\",\"expression\":\"type == 'sales'\",\#
        \"targets\":[{\"queue\":\"\#(sid("WQ", 1))\",\"timeout\":30},{\"queue\":\"\#(sid("WQ", 2))\",\"priority\":5}]}],\#
        \"default_filter\":{\"queue\":\"\#(sid("WQ", 2))\"}}}
        """#

    /// `GET …/Workflows`: one workflow.
    static let workflows = """
        {
          "meta": \(meta("workflows")),
          "workflows": [
            {
              "assignment_callback_url": null,
              "configuration": "\(configuration)",
              "document_content_type": "application/json",
              "friendly_name": "Inbound",
              "sid": "\(sid("WW", 1))",
              "task_reservation_timeout": 45
            }
          ]
        }
        """

    /// `GET …/Workers`: alice (sales, Ready) and bob (Away).
    static let workers = #"""
        {
          "meta": \#(meta("workers")),
          "workers": [
            {
              "activity_name": "Ready",
              "activity_sid": "\#(sid("WA", 2))",
              "attributes": "{\"skills\":[\"sales\"],\"level\":3}",
              "available": true,
              "friendly_name": "alice",
              "sid": "\#(sid("WK", 1))"
            },
            {
              "activity_name": "Away",
              "activity_sid": "\#(sid("WA", 3))",
              "attributes": "{}",
              "available": false,
              "friendly_name": "bob",
              "sid": "\#(sid("WK", 2))"
            }
          ]
        }
        """#

    /// Every file of the workspace, by the name the scenario gives it.
    static let files: [String: String] = [
        "workspace.json": workspace, "activities.json": activities, "task_channels.json": taskChannels,
        "task_queues.json": taskQueues, "workflows.json": workflows, "workers.json": workers,
    ]

    /// A scenario importing every file, with `extra` appended.
    static func scenario(_ extra: String = "") -> String {
        """
        name: imported
        horizon: 1h
        taskrouter:
          workspace: workspace.json
          activities: activities.json
          task_channels: task_channels.json
          task_queues: task_queues.json
          workflows: workflows.json
          workers: workers.json
        arrivals:
          - {name: sales, channel: voice, attributes: {type: sales}, rate: 10/h, handle_time: 5m}

        """ + extra
    }

    /// Loads `scenario` (as `scenario.yaml`) next to `files` (replacing or adding to the
    /// workspace's files), failing the test with every error when it does not load.
    static func load(_ scenario: String, files extra: [String: String] = [:], overrides: [Override] = []) throws -> Scenario {
        var loaded: Scenario?
        try Fixtures.withFiles(files.merging(extra) { $1 }.merging(["scenario.yaml": scenario]) { $1 }) { folder in
            do throws(ScenarioErrors) {
                loaded = try ScenarioLoader.load(path: folder + "scenario.yaml", overrides: overrides)
            } catch {
                Issue.record("unexpected errors:\n\(error.description)")
                throw error
            }
        }
        return try #require(loaded)
    }

    /// The errors of loading `scenario` next to `files` (replacing or adding to the
    /// workspace's files), with the temporary folder cut from the file names.
    static func errors(_ scenario: String, files extra: [String: String] = [:], overrides: [Override] = []) throws -> [String] {
        var descriptions: [String] = []
        try Fixtures.withFiles(files.merging(extra) { $1 }.merging(["scenario.yaml": scenario]) { $1 }) { folder in
            do throws(ScenarioErrors) {
                _ = try ScenarioLoader.load(path: folder + "scenario.yaml", overrides: overrides)
                Issue.record("expected the scenario to be refused")
            } catch {
                descriptions = error.errors.map { $0.description.replacingOccurrences(of: folder, with: "") }
            }
        }
        return descriptions
    }
}
