import RouteSim
import RouteSimScenario
import Testing

/// `--set KEY=VALUE` and variants: values put into the document before validation.
struct OverrideTests {
    @Test func parse() throws {
        #expect(try Override.parse("workers.english.count=12") == Override(keyPath: "workers.english.count", value: "12"))
        #expect(try Override.parse("name=a=b") == Override(keyPath: "name", value: "a=b"))
        #expect(try Override.parse("warmup=") == Override(keyPath: "warmup", value: ""))
    }

    @Test(arguments: ["no-equals", "=12", "workers..count=1", ".count=1", "count.=1"])
    func parseRefuses(assignment: String) {
        do {
            _ = try Override.parse(assignment)
            Issue.record("\(assignment) parsed")
        } catch {
            #expect(error.description == "--set: expected KEY=VALUE (KEY a dotted path such as workers.english.count), found \"\(assignment)\"")
        }
    }

    @Test func mapKey() throws {
        let spec = try Fixtures.load(Fixtures.sketch, overrides: [
            Override(keyPath: "workspace.multi_task_enabled", value: "false"),
            Override(keyPath: "horizon", value: "4h"),
        ]).spec
        #expect(!spec.workspace.multiTaskEnabled)
        #expect(spec.horizon == 14_400)
    }

    @Test func listItemsByName() throws {
        let spec = try Fixtures.load(Fixtures.sketch, overrides: [
            Override(keyPath: "workers.english.count", value: "20"),
            Override(keyPath: "task_queues.Spanish.task_order", value: "LIFO"),
            Override(keyPath: "arrivals.voice-es.rate", value: "60/h"),
            Override(keyPath: "multitasking.chat.beta", value: "0.5"),
            Override(keyPath: "workflows.Support.task_reservation_timeout", value: "45"),
            Override(keyPath: "activities.Break.available", value: "true"),
            Override(keyPath: "task_channels.chat", value: "{unique_name: chat, channel_optimized_routing: false}"),
        ]).spec
        #expect(spec.workerGroups[0].count == 20)
        #expect(spec.workspace.taskQueues[1].taskOrder == .lifo)
        #expect(spec.arrivals[0].process == .poisson(ratePerSecond: 60.0 / 3600))
        #expect(spec.multitasking[3] == .linear(beta: 0.5))
        #expect(spec.workspace.workflows[0].taskReservationTimeout == 45)
        #expect(spec.workspace.activities[2].available)
        #expect(!spec.workspace.taskChannels[3].channelOptimizedRouting)
    }

    @Test func numericIndex() throws {
        let spec = try Fixtures.load(Fixtures.sketch, overrides: [
            Override(keyPath: "workers.0.count", value: "3"),
            Override(keyPath: "workers.english.shifts.0.breaks.0.length", value: "15m"),
        ]).spec
        #expect(spec.workerGroups[0].count == 3)
        #expect(spec.workerGroups[0].shifts[0].breaks[0].length == 900)
    }

    @Test func newKeysAreAdded() throws {
        let spec = try Fixtures.load(Fixtures.minimal, overrides: [
            Override(keyPath: "warmup", value: "10m"),
            Override(keyPath: "workspace.events_filter", value: "[task.created, task.completed]"),
            Override(keyPath: "multitasking.chat.table", value: "[1, 1.2, 1.5]"),
            Override(keyPath: "workers.g.attributes.skills", value: "[billing]"),
        ]).spec
        #expect(spec.warmup == 600)
        #expect(spec.workspace.eventsFilter == ["task.created", "task.completed"])
        #expect(spec.multitasking[3] == .table([1, 1.2, 1.5]))
        #expect(spec.workerGroups[0].attributes == ["skills": ["billing"]])
    }

    @Test func laterOverridesWin() throws {
        let spec = try Fixtures.load(Fixtures.minimal, overrides: [
            Override(keyPath: "workers.g.count", value: "5"), Override(keyPath: "workers.g.count", value: "7"),
        ]).spec
        #expect(spec.workerGroups[0].count == 7)
    }

    @Test func unknownListItem() {
        let errors = Fixtures.errors(Fixtures.sketch, overrides: [Override(keyPath: "workers.spanish.count", value: "4")])
        #expect(errors.map(\.description) == [
            #"test.yaml: --set workers.spanish.count: workers.spanish.count: cannot find "spanish" in workers; expected one of: english, an index from 0 to 0"#
        ])
    }

    @Test func indexOutOfRangeAndPathBelowAScalar() {
        let errors = Fixtures.errors(Fixtures.sketch, overrides: [
            Override(keyPath: "arrivals.3.rate", value: "1/h"),
            Override(keyPath: "name.first", value: "x"),
        ])
        #expect(errors.map(\.message) == [
            #"cannot find "3" in arrivals; expected one of: voice-es, an index from 0 to 0"#,
            #"cannot set "first" inside name, which is "bilingual-support", not a map or a list"#,
        ])
    }

    @Test func overriddenValuesAreValidatedAtTheirKey() {
        let errors = Fixtures.errors(Fixtures.sketch, overrides: [
            Override(keyPath: "workers.english.count", value: "-3"),
            Override(keyPath: "workspace.tempalte", value: "FIFO"),
            Override(keyPath: "task_queues.English.max_reserved_workers", value: "[1"),
        ])
        #expect(errors.map(\.description) == [
            "test.yaml: --set task_queues.English.max_reserved_workers: task_queues.English.max_reserved_workers: "
                + "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1, column 1)",
            #"test.yaml: --set workspace.tempalte: workspace.tempalte: unknown key "tempalte"; expected one of: "#
                + "sid, friendly_name, multi_task_enabled, template, prioritize_queue_order, default_activity, timeout_activity, events_filter",
            "test.yaml: --set workers.english.count: workers.english.count: expected an integer from 0 to 1000000, found -3",
        ])
        #expect(errors.allSatisfy { $0.line == nil && $0.column == nil })
        #expect(errors.map(\.overrideKey) == [
            "task_queues.English.max_reserved_workers", "workspace.tempalte", "workers.english.count",
        ])
    }

    @Test func variantsKeepTheirValuesAsYAML() throws {
        let text = Fixtures.minimal + """

            variants:
              big: {workers.g.count: 30, arrivals.a.rate: 20/h, workspace.events_filter: [task.created], name: "12"}
              empty: {}
            """
        let scenario = try Fixtures.load(text)
        #expect(scenario.variants == [
            ScenarioVariant(name: "big", overrides: [
                Override(keyPath: "workers.g.count", value: "30"),
                Override(keyPath: "arrivals.a.rate", value: "20/h"),
                Override(keyPath: "workspace.events_filter", value: "[task.created]"),
                Override(keyPath: "name", value: "\"12\""),
            ]),
            ScenarioVariant(name: "empty", overrides: []),
        ])
        let big = try Fixtures.load(text, overrides: scenario.variants[0].overrides).spec
        #expect(big.workerGroups[0].count == 30)
        #expect(big.name == "12")
        #expect(big.workspace.eventsFilter == ["task.created"])
    }

    @Test func variantShapeIsChecked() {
        let text = Fixtures.minimal + """

            variants:
              flat: 12
              odd: {"workers..count": 3, ok.key: 1}
            """
        #expect(Fixtures.errors(text).map(\.description) == [
            "test.yaml:12:9: variants.flat: expected a map of dotted key to value, found 12",
            #"test.yaml:13:27: variants.odd.workers..count: expected a dotted key path such as workers.english.count, found "workers..count""#,
        ])
    }

    @Test func cannotReachInsideAConfigurationString() {
        let text = """
            name: x
            horizon: 1h
            task_queues: [{friendly_name: Q}]
            workflows:
              - friendly_name: W
                configuration: '{"task_routing": {"filters": [], "default_filter": {"queue": "Q"}}}'
            """
        let errors = Fixtures.errors(text, overrides: [
            Override(keyPath: "workflows.W.configuration.task_routing.default_filter.queue", value: "R")
        ])
        #expect(errors.map(\.message) == [
            #"cannot set "task_routing" inside workflows.W.configuration, which is "{"task_routing": {"filters": [], "default_filter": {"queu...", not a map or a list"#
        ])
    }
}
