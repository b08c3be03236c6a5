import RouteSimScenario
import Testing

/// Bad scenarios: one message per problem, with file, key path, line and column.
struct ErrorTests {
    /// Asserts that `text` is refused with exactly `expected` (descriptions, in order).
    static func expectErrors(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.description) == expected, sourceLocation: sourceLocation)
    }

    @Test func missingFile() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/routesim/x.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.errors.map(\.description) == ["/nonexistent/routesim/x.yaml: cannot read the scenario file: no such file"])
        }
    }

    @Test func yamlSyntaxErrorIsOneError() {
        Self.expectErrors("name: x\nhorizon: [1h\nwarmup: 5m\n", [
            "test.yaml:3:7: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 10)"
        ])
        Self.expectErrors("name: x\nname: y\n", [#"test.yaml:1:1: invalid YAML: duplicate key "name" in a map"#])
    }

    @Test func jsonSyntaxError() throws {
        let text = "{\n  \"name\": \"x\",\n  \"horizon\": \"1h\"\n  \"warmup\": 5\n}\n"
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 4)
        #expect(errors.first?.message.hasPrefix("invalid YAML: did not find expected ',' or '}'") == true)
    }

    @Test func emptyFile() {
        Self.expectErrors("# nothing yet\n", [
            #"test.yaml:1:1: name: missing required key "name""#,
            #"test.yaml:1:1: horizon: missing required key "horizon""#,
        ])
    }

    @Test func topLevelProblems() {
        Self.expectErrors("""
            name: ""
            horizon: 8h
            horizn: 8h
            warmup: 9h
            seed: -1
            interval: 0
            """, [
                #"test.yaml:1:7: name: expected a non-empty name, found """#,
                #"test.yaml:3:1: horizn: unknown key "horizn"; expected one of: name, start, horizon, warmup, interval, service_level, seed, taskrouter, workspace, activities, task_channels, task_queues, workflows, workers, imported_workers, worker_channels, arrivals, multitasking, api_tasks, variants"#,
                #"test.yaml:4:9: warmup: expected a warm-up shorter than the horizon (28800 s), found "9h""#,
                "test.yaml:5:7: seed: expected a seed, an integer from 0 to 18446744073709551615, found -1",
                "test.yaml:6:11: interval: expected a duration >= 1 s and at most 31622400 s (366 d), found 0",
            ])
    }

    @Test func unknownQueueInATarget() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            task_queues: [{friendly_name: English}, {friendly_name: Spanish}]
            workflows:
              - friendly_name: Support
                configuration:
                  task_routing:
                    filters:
                      - expression: language == "es"
                        targets:
                          - queue: Spanish
                            timeout: 30
                          - queue: Spansh
            """, [
                #"test.yaml:13:24: workflows.Support.configuration.task_routing.filters[0].targets[1].queue: unknown queue "Spansh"; expected one of: English, Spanish"#
            ])
    }

    @Test func badExpressionsPointAtTheirColumn() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            task_queues:
              - {friendly_name: A, target_workers: 'skill-level > 3'}
              - friendly_name: B
                target_workers: languages HAS
            """, [
                #"test.yaml:4:46: task_queues.A.target_workers: Invalid TargetWorkers expression at column 6: expected an operator (==, !=, <, >, <=, >=, IN, NOT IN, HAS, CONTAINS) after "skill", found "-", in "skill-level > 3""#,
                #"test.yaml:6:34: task_queues.B.target_workers: Invalid TargetWorkers expression at column 14: expected a value after "HAS", in "languages HAS""#,
            ])
    }

    @Test func expressionScopes() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            task_queues: [{friendly_name: A}]
            workflows:
              - friendly_name: W
                configuration:
                  task_routing:
                    filters:
                      - expression: "1==1"
                        targets: [{queue: A, expression: level > 2, skip_if: task.x == 1}]
            """, [
                #"test.yaml:10:46: workflows.W.configuration.task_routing.filters[0].targets[0].expression: Invalid target expression at column 1: references in a workflow target expression must start with task. or worker., found "level", in "level > 2""#,
                #"test.yaml:10:66: workflows.W.configuration.task_routing.filters[0].targets[0].skip_if: Invalid skip_if expression at column 1: references in skip_if must start with workers., found "task.x", in "task.x == 1""#,
            ])
    }

    @Test func workflowStructure() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            task_queues: [{friendly_name: A}]
            workflows:
              - friendly_name: W
                task_reservation_timeout: 0
                configuration:
                  task_routing:
                    filters:
                      - {expression: "1==1", targets: []}
                      - {expression: "1==1", targets: [{timeout: 10}, {queue: A, timeout: 2000000, priority: -1}]}
                      - {expression: "1==1", targets: [{queue: A, known_worker_sid: task.a, known_worker_friendly_name: task.b}]}
                      - {expression: "1==1", targets: [{queue: A, order_by: "level DESC", known_worker_sid: agent}]}
                      - {targets: [{queue: A}]}
              - friendly_name: V
                configuration: {task_routing: {filters: []}}
              - friendly_name: U
            """, [
                "test.yaml:6:31: workflows.W.task_reservation_timeout: TaskReservationTimeout must be between 1 and 86400, found 0",
                "test.yaml:10:43: workflows.W.configuration.task_routing.filters[0].targets: expected at least one target, found an empty list",
                #"test.yaml:11:44: workflows.W.configuration.task_routing.filters[1].targets[0].queue: missing required key "queue" (the first target of a filter must name a queue)"#,
                "test.yaml:11:79: workflows.W.configuration.task_routing.filters[1].targets[1].timeout: expected an integer from 1 to 1209600, found 2000000",
                "test.yaml:11:98: workflows.W.configuration.task_routing.filters[1].targets[1].priority: expected an integer from 0 to 2147483647, found -1",
                #"test.yaml:12:44: workflows.W.configuration.task_routing.filters[2].targets[0]: give only one of "known_worker_sid", "known_worker_friendly_name", not several"#,
                #"test.yaml:13:65: workflows.W.configuration.task_routing.filters[3].targets[0].order_by: expected order_by clauses like "worker.level DESC, worker.age ASC", found "level DESC""#,
                #"test.yaml:13:97: workflows.W.configuration.task_routing.filters[3].targets[0].known_worker_sid: expected a task attribute reference like "task.agent_sid", found "agent""#,
                #"test.yaml:14:13: workflows.W.configuration.task_routing.filters[4].expression: missing required key "expression""#,
                #"test.yaml:16:35: workflows.V.configuration.task_routing: expected one of the keys "filters", "default_filter", found none"#,
                #"test.yaml:17:5: workflows.U.configuration: missing required key "configuration""#,
            ])
    }

    @Test func resourceProblems() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            workspace: {template: fifo, default_activity: Idle, events_filter: "task.created, task.exploded"}
            activities:
              - {friendly_name: Offline}
              - {friendly_name: Available, available: yes}
              - {friendly_name: Offline, available: true}
            task_channels: [voice, live-chat, {unique_name: voice}]
            task_queues:
              - {friendly_name: A, max_reserved_workers: 51, reservation_activity: Busy}
            """, [
                #"test.yaml:3:23: workspace.template: expected one of NONE, FIFO, found "fifo""#,
                #"test.yaml:3:47: workspace.default_activity: unknown activity "Idle"; expected one of: Offline, Available"#,
                #"test.yaml:3:68: workspace.events_filter: unknown event type "task.exploded"; expected one of: "#
                    + "activity.created, activity.updated, activity.deleted, reservation.created, reservation.accepted, "
                    + "reservation.rejected, reservation.timeout, reservation.canceled, reservation.rescinded, "
                    + "reservation.completed, reservation.wrapup, reservation.failed, task.created, task.updated, "
                    + "task.canceled, task.wrapup, task.completed, task.deleted, task.system-deleted, task.transfer-initiated, "
                    + "task.transfer-attempt-failed, task.transfer-failed, task.transfer-canceled, task.transfer-completed, "
                    + "task-channel.created, task-channel.updated, task-channel.deleted, task-queue.created, task-queue.deleted, "
                    + "task-queue.expression.updated, task-queue.entered, task-queue.timeout, task-queue.moved, worker.created, "
                    + "worker.activity.update, worker.attributes.update, worker.capacity.update, "
                    + "worker.channel.availability.update, worker.deleted, workflow.created, workflow.updated, "
                    + "workflow.deleted, workflow.entered, workflow.target-matched, workflow.timeout, workflow.skipped, "
                    + "workspace.created, workspace.updated, workspace.deleted",
                #"test.yaml:6:43: activities.Available.available: expected true or false, found "yes""#,
                #"test.yaml:7:21: activities.Offline.friendly_name: duplicate activity friendly_name "Offline"; names must be unique"#,
                #"test.yaml:8:24: task_channels.live-chat: expected a unique name of letters, digits, _ and $ not starting with a digit (at most 64), found "live-chat""#,
                #"test.yaml:8:49: task_channels.voice.unique_name: duplicate task channel unique_name "voice"; names must be unique"#,
                "test.yaml:10:46: task_queues.A.max_reserved_workers: MaxReservedWorkers must be between 1 and 50, found 51",
                #"test.yaml:10:72: task_queues.A.reservation_activity: unknown activity "Busy"; expected one of: Offline, Available"#,
            ])
    }

    @Test func missingDefaultActivities() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            activities: [{friendly_name: Away}, {friendly_name: Busy}]
            workers:
              - group: g
                count: 1
                shifts: [{start: 0, end: 1h, breaks: [{at: 10m, length: 5m}]}]
            """, [
                #"test.yaml:1:1: workspace.default_activity: default_activity defaults to "Offline", which is not an activity of the workspace; set default_activity to one of: Away, Busy"#,
                #"test.yaml:1:1: workspace.timeout_activity: timeout_activity defaults to "Offline", which is not an activity of the workspace; set timeout_activity to one of: Away, Busy"#,
                "test.yaml:5:5: workers.g.activity: activity is required here: no activity has available: true to default to",
                #"test.yaml:7:43: workers.g.shifts[0].breaks[0].activity: missing required key "activity" (there is no "Unavailable" activity to default to)"#,
            ])
    }

    @Test func workerProblems() {
        Self.expectErrors("""
            name: x
            horizon: 8h
            workers:
              - group: english
                count: many
                channels: {voice: 1, fax: 2, chat: -1}
                activity: Lunch
                attributes: [en]
                shifts:
                  - {start: 4h, end: 2h}
                  - {start: 0, end: 4h, breaks: [{at: 3h, length: 2h}, {at: 1h, length: 30m}, {at: 1h15m, length: 10m}]}
                  - {start: 3h, end: 5h}
                answer: {reject: 0.7, no_answer: 0.4, delay: {dist: exponential, mean: 0}}
              - {group: English, count: 1}
            """, [
                "test.yaml:5:12: workers.english.count: expected an integer from 0 to 1000000, found \"many\"",
                #"test.yaml:6:31: workers.english.channels.fax: unknown task channel "fax"; expected one of: default, voice, sms, chat, video"#,
                "test.yaml:6:40: workers.english.channels.chat: expected an integer from 0 to 1000, found -1",
                #"test.yaml:7:15: workers.english.activity: unknown activity "Lunch"; expected one of: Offline, Available, Unavailable"#,
                #"test.yaml:8:17: workers.english.attributes: expected a map of attributes (or a JSON object string), found a list"#,
                "test.yaml:10:9: workers.english.shifts[0]: expected start before end, found start 14400 s, end 7200 s",
                "test.yaml:11:38: workers.english.shifts[1].breaks[0]: expected a break inside its shift (0 s to 14400 s), found 10800 s to 18000 s",
                "test.yaml:11:88: workers.english.shifts[1].breaks[2].at: expected a duration like 45s, 5m, 1.5h, 2d or 90 (seconds), found \"1h15m\"",
                "test.yaml:12:9: workers.english.shifts[2]: expected shifts in time order without overlap (this one starting at or after 14400 s), found start 10800 s",
                "test.yaml:13:13: workers.english.answer: expected reject + no_answer <= 1, found 0.7 + 0.4",
                "test.yaml:13:50: workers.english.answer.delay: invalid distribution: exponential needs mean > 0, found 0",
                #"test.yaml:14:13: workers.English.group: duplicate worker group "English"; names must be unique"#,
            ])
    }

    @Test func arrivalProblems() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            task_queues: [{friendly_name: Q}]
            workflows: [{friendly_name: W, configuration: {task_routing: {default_filter: {queue: Q}}}}]
            arrivals:
              - {name: a, channel: fax, workflow: V, rate: -5/h, handle_time: 5m, priority: -1, timeout: 30d}
              - {name: b, rate: 1/h, profile: {every: 30m, volumes: [1]}, handle_time: 5m}
              - {name: c}
              - {name: d, profile: {every: 0, volumes: [1, -2]}}
              - {name: a, rate: 1/h, handle_time: 5m, attributes: '{"x": [1}'}
            """, [
                #"test.yaml:6:24: arrivals.a.channel: unknown task channel "fax"; expected one of: default, voice, sms, chat, video"#,
                #"test.yaml:6:39: arrivals.a.workflow: unknown workflow "V"; expected one of: W"#,
                #"test.yaml:6:48: arrivals.a.rate: expected a rate >= 0 and at most 1000/s (3600000/h), found "-5/h""#,
                "test.yaml:6:81: arrivals.a.priority: expected an integer from 0 to 2147483647, found -1",
                #"test.yaml:6:94: arrivals.a.timeout: expected a task timeout (TTL) from 1 s to 1209600 s (14 days), found "30d""#,
                #"test.yaml:7:5: arrivals.b: give only one of "rate", "profile", not several"#,
                #"test.yaml:8:5: arrivals.c: expected one of the keys "rate", "profile", found none"#,
                #"test.yaml:8:5: arrivals.c.handle_time: missing required key "handle_time""#,
                #"test.yaml:9:5: arrivals.d.handle_time: missing required key "handle_time""#,
                "test.yaml:9:32: arrivals.d.profile.every: expected a duration >= 1 s and at most 31622400 s (366 d), found 0",
                "test.yaml:9:48: arrivals.d.profile.volumes[1]: expected a volume >= 0, found -2",
                #"test.yaml:10:12: arrivals.a.name: duplicate arrival stream name "a"; names must be unique"#,
                "test.yaml:10:64: arrivals.a.attributes: invalid JSON in the string: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence that starts at line 1, column 7 of the string)",
            ])
    }

    @Test func multitaskingProblems() {
        Self.expectErrors("""
            name: x
            horizon: 1h
            multitasking:
              chat: {table: [1.2, 1.5]}
              fax: {beta: 1}
              voice: {beta: -1}
              sms: {beta: 1, table: [1]}
            """, [
                "test.yaml:4:18: multitasking.chat.table[0]: expected 1 as the first factor (one task at a time runs at full speed), found 1.2",
                #"test.yaml:5:8: multitasking.fax: unknown task channel "fax"; expected one of: default, voice, sms, chat, video"#,
                "test.yaml:6:17: multitasking.voice.beta: expected a beta from 0 to 1000, found -1",
                #"test.yaml:7:8: multitasking.sms: give only one of "beta", "table", not several"#,
            ])
    }

    @Test func manyProblemsAtOnce() {
        let text = """
            name: many
            horizon: 8h
            warmup: -1m
            workspace: {multi_task_enabled: maybe}
            task_queues:
              - {friendly_name: English, target_workers: 'languages HAS'}
            workflows:
              - friendly_name: Support
                configuration:
                  task_routing:
                    default_filter: {queue: Englsh}
            workers:
              - {group: english, count: 1.5, channels: {voice: 1}}
            arrivals:
              - name: voice-en
                channel: voice
                rate: 120
                handle_time: {dist: lognormal, mean: 5m}
            """
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.keyPath) == [
            "warmup", "workspace.multi_task_enabled", "task_queues.English.target_workers",
            "workflows.Support.configuration.task_routing.default_filter.queue", "workers.english.count",
            "arrivals.voice-en.rate", "arrivals.voice-en.handle_time.sd",
        ])
        #expect(errors.map(\.line) == [3, 4, 6, 11, 13, 17, 18])
        #expect(errors.allSatisfy { $0.file == "test.yaml" && $0.column != nil })
        let description = ScenarioErrors(errors: errors).description
        #expect(description.split(separator: "\n").count == 7)
    }
}
