import RouteSim
import RouteSimScenario
import Testing

/// `taskrouter.worker_channels`: the capacities and availability of imported workers, read
/// from TaskRouter's WorkerChannels list responses.
struct WorkerChannelImportTests {
    /// Shorthand for a fixture SID.
    static func sid(_ prefix: String, _ number: Int) -> String {
        TaskRouterFixtures.sid(prefix, number)
    }

    /// alice's channels as `GET …/Workers/WK…1/Channels` returns them: voice 1, chat 3, email
    /// 2 but switched off.
    static let alice = """
        {
          "channels": [
            {"worker_sid": "\(sid("WK", 1))", "task_channel_unique_name": "voice", "configured_capacity": 1, "available": true, "assigned_tasks": 0},
            {"worker_sid": "\(sid("WK", 1))", "task_channel_unique_name": "chat", "configured_capacity": 3, "available": true},
            {"worker_sid": "\(sid("WK", 1))", "task_channel_unique_name": "email", "configured_capacity": 2, "available": false}
          ],
          "meta": \(TaskRouterFixtures.meta("channels"))
        }
        """

    /// bob's channels as twilio CLI writes them: a bare list, camelCase, voice switched off.
    static let bob = """
        [{"workerSid": "\(sid("WK", 2))", "taskChannelUniqueName": "voice", "configuredCapacity": 1, "available": false}]
        """

    /// The fixture scenario importing `files` as `taskrouter.worker_channels`, with `extra`.
    static func scenario(_ files: String, _ extra: String = "") -> String {
        TaskRouterFixtures.scenario(extra).replacingOccurrences(
            of: "workers: workers.json", with: "workers: workers.json\n  worker_channels: \(files)")
    }

    @Test func capacitiesAndAvailabilityReachTheWorkers() throws {
        let text = Self.scenario("[alice.json, bob.json]")
        let groups = try TaskRouterFixtures.load(text, files: ["alice.json": Self.alice, "bob.json": Self.bob]).spec.workerGroups
        // Channels: default, voice, sms, chat, video, email; unexported ones get 0.
        #expect(groups.map(\.capacities) == [[0, 1, 0, 3, 0, 2], [0, 1, 0, 0, 0, 0]])
        #expect(groups.map(\.unavailableChannels) == [[5], [1]])
    }

    @Test func aWorkerWithoutExportedChannelsKeepsTheDefault() throws {
        let groups = try TaskRouterFixtures.load(Self.scenario("alice.json"), files: ["alice.json": Self.alice]).spec.workerGroups
        #expect(groups[1].capacities == Array(repeating: 1, count: 6))
        #expect(groups[1].unavailableChannels.isEmpty)
    }

    @Test func writtenCapacitiesTakeThePlaceOfExportedOnes() throws {
        let text = Self.scenario("[alice.json, bob.json]", "worker_channels:\n  bob: {voice: 2}\n")
        let groups = try TaskRouterFixtures.load(text, files: ["alice.json": Self.alice, "bob.json": Self.bob]).spec.workerGroups
        #expect(groups.map(\.capacities) == [[0, 1, 0, 3, 0, 2], [0, 2, 0, 0, 0, 0]])
        #expect(groups.map(\.unavailableChannels) == [[5], []])
    }

    @Test func badChannelFilesAreReportedInPlace() throws {
        let stranger = """
            [{"worker_sid": "\(Self.sid("WK", 9))", "task_channel_unique_name": "voice", "configured_capacity": 1},
             {"worker_sid": "\(Self.sid("WK", 1))", "task_channel_unique_name": "fax", "configured_capacity": 1},
             {"worker_sid": "\(Self.sid("WK", 1))", "task_channel_unique_name": "chat", "configured_capacity": -1},
             {"worker_sid": "\(Self.sid("WK", 1))", "task_channel_unique_name": "voice"}]
            """
        let errors = try TaskRouterFixtures.errors(Self.scenario("odd.json"), files: ["odd.json": stranger])
        #expect(errors == [
            #"odd.json:1:17: [0].worker_sid: unknown imported worker sid "WK00000000000000000000000000000009"; expected one of: WK00000000000000000000000000000001, WK00000000000000000000000000000002"#,
            #"odd.json:2:113: [1].configured_capacity: unknown task channel "fax"; expected one of: default, voice, sms, chat, video, email"#,
            #"odd.json:3:114: [2].configured_capacity: expected an integer from 0 to 1000, found -1"#,
            #"odd.json:4:2: [3]: missing required key "configured_capacity""#,
        ])
    }

    @Test func needsImportedWorkers() throws {
        let text = Self.scenario("alice.json").replacingOccurrences(of: "  workers: workers.json\n", with: "")
        let errors = try TaskRouterFixtures.errors(text, files: ["alice.json": Self.alice])
        #expect(errors.contains {
            $0.hasSuffix("taskrouter.worker_channels: taskrouter.worker_channels applies only to workers imported with taskrouter.workers, and there are none")
        })
    }

    @Test func eachFileIsAWholeList() throws {
        let paged = Self.alice.replacingOccurrences(
            of: TaskRouterFixtures.meta("channels"),
            with: TaskRouterFixtures.meta("channels", next: "https://taskrouter.twilio.com/v1/Workspaces/WS/Workers/WK/Channels?Page=1"))
        let errors = try TaskRouterFixtures.errors(Self.scenario("alice.json"), files: ["alice.json": paged])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("meta.next_page_url is set: the API has more WorkerChannels after this page") == true)
    }
}
