import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// Workflow configurations: TaskRouter's document as YAML or as pasted JSON text.
struct WorkflowConfigurationTests {
    /// A scenario with queues A, B, C and one workflow whose configuration is `configuration`
    /// (indented by the caller to sit under `configuration:`).
    static func scenario(configuration: String) -> String {
        """
        name: routing
        horizon: 1h
        task_queues: [{friendly_name: A}, {friendly_name: B}, {friendly_name: C}]
        workflows:
          - friendly_name: Flow
            configuration:\(configuration)
        """
    }

    @Test func laterTargetsInheritTheQueue() throws {
        let text = Self.scenario(configuration: """

                  task_routing:
                    filters:
                      - expression: "1==1"
                        targets:
                          - {queue: B, timeout: 10}
                          - {priority: 5, timeout: 20}
                          - {queue: C}
                          - {expression: worker.level > 2}
            """)
        let targets = try Fixtures.load(text).spec.workspace.workflows[0].filters[0].targets
        #expect(targets.map(\.queue) == [1, 1, 2, 2])
        #expect(targets.map(\.priority) == [nil, 5, nil, nil])
        #expect(targets.map(\.timeout) == [10, 20, nil, nil])
        #expect(targets[3].expression == (try Expression.parse("worker.level > 2", scope: .taskAndWorker)))
    }

    @Test func numbersMayBeNumericStrings() throws {
        let text = Self.scenario(configuration: """

                  task_routing:
                    filters:
                      - {expression: "1==1", targets: [{queue: A, priority: "10", timeout: "30"}]}
                    default_filter: {queue: B, priority: "3"}
            """)
        let workflow = try Fixtures.load(text).spec.workspace.workflows[0]
        #expect(workflow.filters[0].targets == [WorkflowTarget(queue: 0, priority: 10, timeout: 30)])
        #expect(workflow.defaultFilter == WorkflowTarget(queue: 1, priority: 3))
    }

    @Test func everyTargetKey() throws {
        let text = Self.scenario(configuration: """

                  task_routing:
                    filters:
                      - filter_friendly_name: Known agent
                        expression: agent_sid != null
                        targets:
                          - queue: A
                            timeout: 60
                            known_worker_sid: task.agent_sid
                          - queue: A
                            known_worker_friendly_name: task.routing.agent_name
                            order_by: worker.level DESC, worker.tenure.years asc, worker.x
                            skip_if: workers.available == 0
                    default_filter: {queue: C, expression: task.vip == true}
            """)
        let workflow = try Fixtures.load(text).spec.workspace.workflows[0]
        #expect(workflow.filters[0].friendlyName == "Known agent")
        let targets = workflow.filters[0].targets
        #expect(targets[0].knownWorker == KnownWorker(field: .sid, taskAttribute: ["agent_sid"]))
        #expect(targets[1].knownWorker == KnownWorker(field: .friendlyName, taskAttribute: ["routing", "agent_name"]))
        #expect(targets[1].orderBy == [
            OrderByClause(path: ["level"], descending: true), OrderByClause(path: ["tenure", "years"], descending: false),
            OrderByClause(path: ["x"], descending: false),
        ])
        #expect(targets[1].skipIf == (try Expression.parse("workers.available == 0", scope: .workerCounts)))
        #expect(workflow.defaultFilter?.expression == (try Expression.parse("task.vip == true", scope: .taskAndWorker)))
    }

    @Test func configurationAsJSONText() throws {
        let text = Self.scenario(configuration: #"""
             |
                  {
                    "task_routing": {
                      "filters": [
                        {
                          "filter_friendly_name": "Gold",
                          "expression": "type == \"gold\"",
                          "targets": [{"queue": "C", "priority": "10", "timeout": "30"}, {"queue": "A"}]
                        }
                      ],
                      "default_filter": {"queue": "B"}
                    }
                  }
            """#)
        let workflow = try Fixtures.load(text).spec.workspace.workflows[0]
        #expect(workflow.filters == [
            WorkflowFilter(
                friendlyName: "Gold", expression: try Expression.parse(#"type == "gold""#, scope: .attributes),
                targets: [WorkflowTarget(queue: 2, priority: 10, timeout: 30), WorkflowTarget(queue: 0)])
        ])
        #expect(workflow.defaultFilter == WorkflowTarget(queue: 1))
    }

    @Test func configurationAsOneLineJSONString() throws {
        let text = Self.scenario(configuration: #"""
             '{"task_routing": {"filters": [], "default_filter": {"queue": "C"}}}'
            """#)
        #expect(try Fixtures.load(text).spec.workspace.workflows[0].defaultFilter == WorkflowTarget(queue: 2))
    }

    @Test func queuesByFriendlyNameOrSid() throws {
        let queueB = SidGenerator(seed: 1).sid(.taskQueue, 1)
        let text = Self.scenario(configuration: """
             {task_routing: {default_filter: {queue: \(queueB)}}}
            """)
        #expect(try Fixtures.load(text).spec.workspace.workflows[0].defaultFilter == WorkflowTarget(queue: 1))
    }

    @Test func errorInsideJSONTextIsPlacedOnItsFileLine() {
        let text = Self.scenario(configuration: #"""
             |
                  {
                    "task_routing": {
                      "filters": [
                        {"expression": "1==1", "targets": [{"queue": "Z"}]}
                      ],
                      "default_filter": {"queue": "B", "priorty": 3}
                    }
                  }
            """#)
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.description) == [
            #"test.yaml:10:58: workflows.Flow.configuration.task_routing.filters[0].targets[0].queue: unknown queue "Z"; expected one of: A, B, C"#,
            #"test.yaml:12:44: workflows.Flow.configuration.task_routing.default_filter.priorty: unknown key "priorty"; expected one of: queue, priority, expression"#,
        ])
    }

    @Test func jsonSyntaxErrorInsideTheString() {
        let text = Self.scenario(configuration: #"""
             |
                  {
                    "task_routing": {
                      "default_filter": {"queue": "B"
                    }
            """#)
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.keyPath == "workflows.Flow.configuration")
        print(errors)
        #expect(errors.first?.line == 6)
        #expect(errors.first?.message.hasPrefix("invalid JSON in the string: ") == true)
    }

    @Test func unmatchableStringReportsTheLineInsideIt() {
        let text = Self.scenario(configuration: #"""
             "{\"task_routing\":\n {\"default_filter\": {\"queue\": \"Nope\"}}}"
            """#)
        let errors = Fixtures.errors(text)
        #expect(errors.map(\.description) == [
            #"test.yaml:6:20: workflows.Flow.configuration.task_routing.default_filter.queue: unknown queue "Nope"; expected one of: A, B, C (at line 2, column 31 of the string)"#
        ])
    }
}
