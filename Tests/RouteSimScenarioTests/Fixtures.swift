import Foundation
import RouteSimScenario
import Testing

/// Scenario texts and load helpers shared by the tests.
enum Fixtures {
    /// The repository root (the folder holding Package.swift), found from this file.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The path of the shipped scenario `name` (relative to `scenarios/`).
    static func shippedScenario(_ name: String) -> String {
        repository.appendingPathComponent("scenarios/" + name).path
    }

    /// A bilingual center using most of the format, as a planner would write it.
    static let sketch = """
        name: bilingual-support
        horizon: 8h                 # arrivals stop here
        warmup: 30m
        interval: 30m
        service_level: 20s
        seed: 1

        workspace:
          friendly_name: Bilingual Support
          multi_task_enabled: true
          template: NONE
          prioritize_queue_order: FIFO
          default_activity: Offline
          timeout_activity: Offline
          events_filter: [task.created, task.canceled, reservation.timeout, worker.activity.update]

        activities:
          - {friendly_name: Offline, available: false}
          - {friendly_name: Available, available: true}
          - {friendly_name: Break, available: false}

        task_channels: [voice, chat]

        task_queues:
          - {friendly_name: English, target_workers: 'languages HAS "en"'}
          - {friendly_name: Spanish, target_workers: 'languages HAS "es"', task_order: FIFO}

        workflows:
          - friendly_name: Support
            task_reservation_timeout: 20
            configuration:
              task_routing:
                filters:
                  - filter_friendly_name: Spanish callers
                    expression: language == "es"
                    targets:
                      - {queue: Spanish, timeout: 30}
                      - {queue: English, expression: 'worker.languages HAS "es"'}
                default_filter: {queue: English}

        workers:
          - group: english
            count: 12
            attributes: {languages: [en]}
            channels: {voice: 1, chat: 2}
            activity: Available
            shifts: [{start: 0h, end: 8h, breaks: [{at: 4h, length: 30m, activity: Break}]}]
            answer: {delay: {dist: lognormal, mean: 4s, sd: 2s}, reject: 0.01, no_answer: 0.02,
                     back_after_timeout: {dist: exponential, mean: 3m}}

        arrivals:
          - name: voice-es
            channel: voice
            workflow: Support
            attributes: {language: es}
            rate: 40/h                # or: profile: {every: 30m, volumes: [12, 18, 25]}
            handle_time: {dist: lognormal, mean: 5m, sd: 3m}
            wrapup_time: 30s
            patience: {dist: exponential, mean: 3m}

        multitasking:
          chat: {beta: 0.25}

        variants:
          single: {workspace.multi_task_enabled: false}
          multi:  {workspace.multi_task_enabled: true}
        """

    /// The sketch in JSON, with the workflow configuration pasted as TaskRouter's JSON text.
    static let sketchJSON = #"""
        {
          "name": "bilingual-support",
          "horizon": "8h",
          "warmup": 1800,
          "interval": "30m",
          "service_level": 20,
          "seed": 1,
          "workspace": {
            "friendly_name": "Bilingual Support",
            "multi_task_enabled": true,
            "template": "NONE",
            "prioritize_queue_order": "FIFO",
            "default_activity": "Offline",
            "timeout_activity": "Offline",
            "events_filter": "task.created, task.canceled, reservation.timeout, worker.activity.update"
          },
          "activities": [
            {"friendly_name": "Offline", "available": false},
            {"friendly_name": "Available", "available": true},
            {"friendly_name": "Break"}
          ],
          "task_channels": ["voice", {"unique_name": "chat"}],
          "task_queues": [
            {"friendly_name": "English", "target_workers": "languages HAS \"en\""},
            {"friendly_name": "Spanish", "target_workers": "languages HAS \"es\"", "task_order": "FIFO"}
          ],
          "workflows": [
            {
              "friendly_name": "Support",
              "task_reservation_timeout": "20",
              "configuration": "{\"task_routing\": {\"filters\": [{\"filter_friendly_name\": \"Spanish callers\", \"expression\": \"language == \\\"es\\\"\", \"targets\": [{\"queue\": \"Spanish\", \"timeout\": \"30\"}, {\"queue\": \"English\", \"expression\": \"worker.languages HAS \\\"es\\\"\"}]}], \"default_filter\": {\"queue\": \"English\"}}}"
            }
          ],
          "workers": [
            {
              "group": "english",
              "count": 12,
              "attributes": {"languages": ["en"]},
              "channels": {"voice": 1, "chat": 2},
              "activity": "Available",
              "shifts": [{"start": 0, "end": "8h", "breaks": [{"at": "4h", "length": "30m", "activity": "Break"}]}],
              "answer": {
                "delay": {"dist": "lognormal", "mean": "4s", "sd": 2},
                "reject": 0.01,
                "no_answer": 0.02,
                "back_after_timeout": {"dist": "exponential", "mean": "3m"}
              }
            }
          ],
          "arrivals": [
            {
              "name": "voice-es",
              "channel": "voice",
              "workflow": "Support",
              "attributes": "{\"language\": \"es\"}",
              "rate": "40/h",
              "handle_time": {"dist": "lognormal", "mean": "5m", "sd": "3m"},
              "wrapup_time": "30s",
              "patience": {"dist": "exponential", "mean": 180}
            }
          ],
          "multitasking": {"chat": {"beta": 0.25}},
          "variants": {
            "single": {"workspace.multi_task_enabled": false},
            "multi": {"workspace.multi_task_enabled": true}
          }
        }
        """#

    /// The smallest useful scenario: one queue, one workflow, one group, one stream.
    static let minimal = """
        name: minimal
        horizon: 1h
        task_queues: [{friendly_name: Q}]
        workflows:
          - friendly_name: W
            configuration: {task_routing: {default_filter: {queue: Q}}}
        workers:
          - {group: g, count: 1}
        arrivals:
          - {name: a, rate: 10/h, handle_time: 5m}
        """

    /// Loads `text`, failing the test with every error when it does not load.
    static func load(_ text: String, overrides: [Override] = []) throws -> Scenario {
        do {
            return try ScenarioLoader.load(text: text, path: "test.yaml", overrides: overrides)
        } catch {
            Issue.record("unexpected errors:\n\(error.description)")
            throw error
        }
    }

    /// The errors of loading `text`; records an issue when it loads.
    static func errors(_ text: String, overrides: [Override] = []) -> [ScenarioError] {
        do {
            _ = try ScenarioLoader.load(text: text, path: "test.yaml", overrides: overrides)
            Issue.record("expected the scenario to be refused")
            return []
        } catch {
            return error.errors
        }
    }

    /// The minimal scenario with one override, for value tables.
    static func minimal(_ key: String, _ value: String) throws -> Scenario {
        try load(minimal, overrides: [Override(keyPath: key, value: value)])
    }

    /// The errors of the minimal scenario with one override.
    static func minimalErrors(_ key: String, _ value: String) -> [ScenarioError] {
        errors(minimal, overrides: [Override(keyPath: key, value: value)])
    }

    /// Runs `body` with the path of a temporary file holding `text`, removed afterwards.
    static func withFile(_ text: String, named name: String, _ body: (String) throws -> Void) throws {
        try withFiles([name: text]) { folder in try body(folder + name) }
    }

    /// Runs `body` with the path (ending in `/`) of a temporary folder holding `files`
    /// (name to text), removed afterwards.
    static func withFiles(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("routesim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(toFile: directory.appendingPathComponent(name).path, atomically: true, encoding: .utf8)
        }
        try body(directory.path + "/")
    }
}
