import RouteSim
import RouteSimScenario
import Testing

/// Bad imports: each problem placed in its JSON file with line, column and JSON path, worded
/// as TaskRouter words it where TaskRouter would refuse the value.
struct ImportErrorTests {
    /// Shorthand for a fixture SID.
    static func sid(_ prefix: String, _ number: Int) -> String {
        TaskRouterFixtures.sid(prefix, number)
    }

    @Test func sectionGivenTwice() throws {
        let text = TaskRouterFixtures.scenario("""
            task_queues: [{friendly_name: Q}]
            workspace: {friendly_name: Mine}
            """)
        let errors = try TaskRouterFixtures.errors(text)
        #expect(errors == [
            #"scenario.yaml:12:1: task_queues: "task_queues" is given here and imported by taskrouter.task_queues (line 7); give one of them, not both"#,
            #"scenario.yaml:13:1: workspace: "workspace" is given here and imported by taskrouter.workspace (line 4); give one of them, not both"#,
        ])
    }

    @Test func badJSONHasItsFileAndLine() throws {
        let broken = """
            {
              "activities": [
                {"friendly_name": "Offline", "available": false}
                {"friendly_name": "Ready", "available": true}
              ]
            }
            """
        let errors = try TaskRouterFixtures.errors(TaskRouterFixtures.scenario(), files: ["activities.json": broken])
        #expect(errors == [
            "activities.json:4:5: invalid JSON: did not find expected ',' or ']' "
                + "(while parsing a flow sequence that starts at line 2, column 17)"
        ])
    }

    @Test func unreadableAndMisshapenFiles() throws {
        let text = TaskRouterFixtures.scenario().replacingOccurrences(
            of: "workflows: workflows.json", with: "workflows: [flows.json]")
        let files = [
            "workspace.json": "[1, 2]",
            "activities.json": #"{"meta": {"key": "activities"}, "items": []}"#,
            "task_channels.json": "",
        ]
        let errors = try TaskRouterFixtures.errors(text, files: files)
        #expect(errors == [
            #"scenario.yaml:6:18: taskrouter.task_channels: expected the JSON of a TaskRouter API response in "task_channels.json", found an empty file"#,
            #"scenario.yaml:8:15: taskrouter.workflows[0]: cannot read the imported file "flows.json": no such file"#,
            "workspace.json:1:1: expected a Workspace object (the JSON of GET /v1/Workspaces/WS…), found a list",
            #"activities.json:1:1: activities: missing required key "activities" (the items of a list response of TaskRouter's Activities API; or give a bare JSON list)"#,
        ])
    }

    @Test func taskrouterKeysAndPaths() throws {
        let text = """
            name: x
            horizon: 1h
            taskrouter: {queues: task_queues.json, workers: [], workspace: [workspace.json]}
            """
        let errors = try TaskRouterFixtures.errors(text)
        #expect(errors == [
            "scenario.yaml:3:14: taskrouter.queues: unknown key \"queues\"; expected one of: "
                + "workspace, activities, task_channels, task_queues, workflows, workers, worker_channels",
            "scenario.yaml:3:49: taskrouter.workers: expected the path of a JSON file, or a list of them, found an empty list",
            "scenario.yaml:3:64: taskrouter.workspace: expected the path of a JSON file, found a list",
        ])
    }

    @Test func taskRouterValidationInImportedFiles() throws {
        let queues = #"""
            {"task_queues": [
              {"sid": "\#(Self.sid("WQ", 1))", "friendly_name": "Sales", "target_workers": "skill-level > 3",
               "max_reserved_workers": 51, "assignment_activity_sid": "\#(Self.sid("WA", 9))"},
              {"sid": "\#(Self.sid("WQ", 2))", "friendly_name": "Support", "max_reserved_workers": 0}
            ]}
            """#
        let configuration = #"{\"task_routing\":{\"filters\":[{\"expression\":\"1==1\",\"targets\":[{\"timeout\":10}]}]}}"#
        let workflows = """
            [{"sid": "\(Self.sid("WW", 1))", "friendly_name": "Inbound", "task_reservation_timeout": 86401,
              "configuration": "\(configuration)"}]
            """
        let errors = try TaskRouterFixtures.errors(
            TaskRouterFixtures.scenario(), files: ["task_queues.json": queues, "workflows.json": workflows])
        #expect(errors == [
            #"task_queues.json:2:99: task_queues[0].target_workers: Invalid TargetWorkers expression at column 6: expected an operator (==, !=, <, >, <=, >=, IN, NOT IN, HAS, CONTAINS) after "skill", found "-", in "skill-level > 3""#,
            "task_queues.json:3:28: task_queues[0].max_reserved_workers: MaxReservedWorkers must be between 1 and 50, found 51",
            #"task_queues.json:3:59: task_queues[0].assignment_activity_sid: unknown activity "\#(Self.sid("WA", 9))"; expected one of: \#(Self.sid("WA", 1)) (Offline), \#(Self.sid("WA", 2)) (Ready), \#(Self.sid("WA", 3)) (Away)"#,
            "task_queues.json:4:101: task_queues[1].max_reserved_workers: MaxReservedWorkers must be between 1 and 50, found 0",
            "workflows.json:1:104: [0].task_reservation_timeout: TaskReservationTimeout must be between 1 and 86400, found 86401",
            #"workflows.json:2:20: [0].configuration.task_routing.filters[0].targets[0].queue: missing required key "queue" (the first target of a filter must name a queue) (at line 1, column 61 of the string)"#,
        ])
    }

    @Test func missingFieldsAndWrongTypes() throws {
        let activities = """
            [
              {"friendly_name": "Offline", "available": "no"},
              {"available": true},
              {"friendly_name": "Away", "sid": "\(Self.sid("WQ", 1))"},
              {"friendly_name": "Ready", "sid": "WA123"}
            ]
            """
        let workers = """
            {"workers": [
              {"friendly_name": "alice", "sid": "\(Self.sid("WK", 1))"},
              {"sid": "\(Self.sid("WK", 2))", "attributes": "{}"},
              {"friendly_name": "bob", "sid": "\(Self.sid("WK", 1))", "attributes": "[1, 2]"}
            ]}
            """
        let errors = try TaskRouterFixtures.errors(
            TaskRouterFixtures.scenario(), files: ["activities.json": activities, "workers.json": workers])
        #expect(errors == [
            #"activities.json:2:45: [0].available: expected true or false, found "no""#,
            #"activities.json:3:3: [1].friendly_name: missing required key "friendly_name""#,
            #"activities.json:4:36: [2].sid: expected a WA SID (WA and 32 hex digits), found "\#(Self.sid("WQ", 1))""#,
            #"activities.json:5:37: [3].sid: expected a WA SID (WA and 32 hex digits), found "WA123""#,
            #"workers.json:3:3: workers[1].friendly_name: missing required key "friendly_name""#,
            #"workers.json:4:35: workers[2].sid: duplicate worker sid "\#(Self.sid("WK", 1))"; names must be unique"#,
            #"workers.json:4:88: workers[2].attributes: expected a map of attributes (or a JSON object string), found a list"#,
        ])
    }

    @Test func aPageThatIsNotTheLast() throws {
        let page = """
            {"meta": \(TaskRouterFixtures.meta("workers", next: "https://taskrouter.twilio.com/v1/Workspaces/WS/Workers?PageToken=PT1")),
             "workers": []}
            """
        let errors = try TaskRouterFixtures.errors(TaskRouterFixtures.scenario(), files: ["workers.json": page])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("workers.json:1:") == true)
        #expect(errors.first?.contains(
            "meta.next_page_url: meta.next_page_url is set: the API has more Workers after this page; export every page "
                + "(PageSize up to 1000) and list the files in order under taskrouter") == true)
    }

    @Test func importedWorkerSettingsAreCheckedOnce() throws {
        let text = TaskRouterFixtures.scenario("""
            imported_workers:
              activity: Lunch
              shifts: [{start: 2h, end: 1h}]
              skills: [sales]
            worker_channels:
              carol: {voice: 1}
              bob: {fax: 1}
            """)
        let errors = try TaskRouterFixtures.errors(text)
        #expect(errors == [
            #"scenario.yaml:13:13: imported_workers.activity: unknown activity "Lunch"; expected one of: Offline, Ready, Away"#,
            "scenario.yaml:14:12: imported_workers.shifts[0]: expected start before end, found start 7200 s, end 3600 s",
            #"scenario.yaml:15:3: imported_workers.skills: unknown key "skills"; expected one of: activity, shifts, answer, channels"#,
            #"scenario.yaml:17:10: worker_channels.carol: unknown imported worker "carol"; expected one of: alice, bob"#,
            #"scenario.yaml:18:14: worker_channels.bob.fax: unknown task channel "fax"; expected one of: default, voice, sms, chat, video, email"#,
        ])
    }

    @Test func aWorkerLeftOutIsNotReportedAgainByName() throws {
        let workers = #"[{"sid": "\#(Self.sid("WK", 1))"}, {"friendly_name": "bob"}]"#
        let text = TaskRouterFixtures.scenario("worker_channels: {alice: {voice: 2}}\n")
        let errors = try TaskRouterFixtures.errors(text, files: ["workers.json": workers])
        #expect(errors == [#"workers.json:1:2: [0].friendly_name: missing required key "friendly_name""#])
    }

    @Test func workerSettingsNeedImportedWorkers() {
        ErrorTests.expectErrors(Fixtures.minimal + """

            imported_workers: {activity: Available}
            worker_channels: {g: {voice: 1}}
            """, [
                "test.yaml:11:19: imported_workers: imported_workers applies only to workers imported with taskrouter.workers, and there are none",
                "test.yaml:12:18: worker_channels: worker_channels applies only to workers imported with taskrouter.workers, and there are none",
            ])
    }

    @Test func sidsInTheScenarioFormat() throws {
        let text = """
            name: sids
            horizon: 1h
            workspace: {sid: \(Self.sid("WS", 7))}
            activities:
              - {friendly_name: Offline, sid: \(Self.sid("WA", 1))}
              - {friendly_name: Available, available: true, sid: \(Self.sid("WA", 2))}
            task_channels: [{unique_name: voice, sid: \(Self.sid("TC", 2))}]
            task_queues: [{friendly_name: Q, sid: \(Self.sid("WQ", 5))}]
            workflows:
              - friendly_name: W
                sid: \(Self.sid("WW", 5))
                configuration: {task_routing: {default_filter: {queue: \(Self.sid("WQ", 5))}}}
            workers:
              - {group: Alice, count: 1, sid: \(Self.sid("WK", 5))}
              - {group: team, count: 2}
            arrivals: [{name: a, rate: 1/m, handle_time: 1m}]
            """
        let spec = try Fixtures.load(text).spec
        #expect(spec.workspace.sid == Self.sid("WS", 7))
        #expect(spec.workspace.activities.map(\.sid) == [Self.sid("WA", 1), Self.sid("WA", 2)])
        #expect(spec.workspace.taskChannels[1].sid == Self.sid("TC", 2))
        #expect(spec.workspace.taskQueues[0].sid == Self.sid("WQ", 5))
        #expect(spec.workspace.workflows[0].sid == Self.sid("WW", 5))
        #expect(spec.workspace.workflows[0].defaultFilter?.queue == 0)
        #expect(spec.makeWorkers().map(\.friendlyName) == ["Alice", "team-001", "team-002"])
        #expect(spec.makeWorkers()[0].sid == Self.sid("WK", 5))
        #expect(spec.makeWorkers()[1].sid == SidGenerator(seed: 1).sid(.worker, 1))
    }

    @Test func badSidsInTheScenarioFormat() {
        ErrorTests.expectErrors("""
            name: sids
            horizon: 1h
            activities:
              - {friendly_name: Offline, sid: WA1}
              - {friendly_name: Available, available: true, sid: \(Self.sid("WA", 2))}
              - {friendly_name: Busy, sid: \(Self.sid("WA", 2))}
            task_queues: [{friendly_name: Q, sid: \(Self.sid("WW", 5))}]
            workers:
              - {group: Alice, count: 2, sid: \(Self.sid("WK", 5))}
            """, [
                #"test.yaml:4:35: activities.Offline.sid: expected a WA SID (WA and 32 hex digits), found "WA1""#,
                #"test.yaml:6:32: activities.Busy.sid: duplicate activity sid "\#(Self.sid("WA", 2))"; names must be unique"#,
                #"test.yaml:7:39: task_queues.Q.sid: expected a WQ SID (WQ and 32 hex digits), found "\#(Self.sid("WW", 5))""#,
                "test.yaml:9:27: workers.Alice.count: expected count 0 or 1 for a group with a sid (one TaskRouter worker), found 2",
            ])
    }
}
