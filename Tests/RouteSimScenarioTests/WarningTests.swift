import Foundation
import RouteSimScenario
import Testing

/// Settings that are valid but cannot be what was meant load with a warning at their key.
struct WarningTests {
    /// One of each: chat arrivals without chat agents, a queue nobody matches, a filter
    /// every caller passes by, a target after one that never lets go, a trace in milliseconds.
    static let scenario = """
        name: warn
        horizon: 8h
        task_channels: [voice, chat]
        task_queues:
          - {friendly_name: English, target_workers: 'languages HAS "en"'}
          - {friendly_name: French, target_workers: 'languages HAS "fr"'}
        workflows:
          - friendly_name: Support
            configuration:
              task_routing:
                filters:
                  - {filter_friendly_name: Everyone, expression: '1==1', targets: [{queue: English}, {queue: French}]}
                  - {filter_friendly_name: Spanish, expression: 'language == "es"', targets: [{queue: French}]}
                default_filter: {queue: English}
        workers:
          - {group: english, count: 3, attributes: {languages: [en]}, channels: {voice: 1}}
        arrivals:
          - {name: calls, channel: voice, rate: 60/h, handle_time: 4m}
          - {name: chats, channel: chat, rate: 30/h, handle_time: 6m}
          - {name: day, channel: voice, trace: day.csv, handle_time: 4m}
        """

    static func warnings(_ scenario: String, trace: String = "time\n3600000\n7200000\n") throws -> [String] {
        var warnings: [String] = []
        try Fixtures.withFiles(["warn.yaml": scenario, "day.csv": trace]) { folder in
            warnings = try ScenarioLoader.load(path: folder + "warn.yaml").warnings
                .map { $0.description.replacingOccurrences(of: folder, with: "") }
        }
        return warnings
    }

    @Test func eachNonsenseIsWarnedAtItsKey() throws {
        #expect(try Self.warnings(Self.scenario) == [
            #"warn.yaml:6:45: task_queues.French.target_workers: no worker group with workers matches target_workers "languages HAS "fr"" of queue "French", so tasks sent to it are never reserved"#,
            #"warn.yaml:12:94: workflows.Support.configuration.task_routing.filters.Everyone.targets[1]: targets[1] of filter "Everyone" is never reached: targets[0] has neither timeout nor skip_if, so tasks stay there"#,
            #"warn.yaml:13:13: workflows.Support.configuration.task_routing.filters.Spanish: no arrival stream's tasks reach filter "Spanish" (each matches an earlier filter or not this one), so its targets are never used"#,
            #"warn.yaml:19:28: arrivals.chats.channel: no worker has capacity on task channel "chat", so every task of this stream waits until its caller hangs up or its TTL ends"#,
            #"warn.yaml:20:40: arrivals.day.trace: every row of trace "day.csv" is at or after the horizon (28800 s), the first at 3600000 s, so no caller of it arrives; are its times in milliseconds? They are read as seconds"#,
        ])
    }

    /// The same scenario put right has no warning.
    @Test func sensibleSettingsAreQuiet() throws {
        let fixed = Self.scenario
            .replacingOccurrences(of: "channels: {voice: 1}}", with: "channels: {voice: 1, chat: 2}}\n  - {group: french, count: 1, attributes: {languages: [fr]}}")
            .replacingOccurrences(of: "targets: [{queue: English}, {queue: French}]", with: "targets: [{queue: English, timeout: 60}, {queue: French}]")
            .replacingOccurrences(of: "expression: '1==1'", with: "expression: 'language != \"es\"'")
            .replacingOccurrences(of: "rate: 30/h,", with: "rate: 30/h, attributes: {language: es},")
        #expect(try Self.warnings(fixed, trace: "time\n3600\n7200\n") == [])
    }
}
