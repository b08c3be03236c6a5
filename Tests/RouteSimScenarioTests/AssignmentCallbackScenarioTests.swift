import RouteSim
import RouteSimScenario
import Testing

/// `answer: callback` and the workflows' assignment callback URLs.
struct AssignmentCallbackScenarioTests {
    static let scenario = """
        name: x
        horizon: 1h
        task_queues: [{friendly_name: Q, target_workers: '1 == 1'}]
        workflows:
          - friendly_name: Inbound
            assignment_callback_url: URL
            fallback_assignment_callback_url: https://backup.example.com/assign
            configuration: {task_routing: {default_filter: {queue: Q}}}
        workers: [{group: agents, count: 2, answer: ANSWER}]
        """

    @Test func callbackAnswersAndURLsAreRead() throws {
        let text = Self.scenario.replacingOccurrences(of: "URL", with: "http://127.0.0.1:8090/assign")
            .replacingOccurrences(of: "ANSWER", with: "callback")
        let loaded = try ScenarioLoader.load(text: text, path: "test.yaml")
        #expect(loaded.spec.workerGroups.map(\.answer) == [.callback])
        #expect(loaded.assignmentCallbacks == [
            "Inbound": AssignmentCallbackURLs(url: "http://127.0.0.1:8090/assign", fallback: "https://backup.example.com/assign"),
        ])
    }

    @Test func aURLThatIsNoneAndAnUnknownAnswerAreRefused() {
        let text = Self.scenario.replacingOccurrences(of: "URL", with: "ftp://example.com/x")
            .replacingOccurrences(of: "ANSWER", with: "later")
        ErrorTests.expectErrors(text, [
            "test.yaml:6:30: workflows.Inbound.assignment_callback_url: expected an absolute http or https URL, such as http://127.0.0.1:8090/assignment, found \"ftp://example.com/x\"",
            "test.yaml:9:45: workers.agents.answer: expected callback, or a map with keys delay, reject, no_answer, back_after_timeout, found \"later\"",
        ])
    }
}
