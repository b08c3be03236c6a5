import RouteSim
import RouteSimScenario
import Testing

/// `arrivals[].trace`: a CSV file of callers next to the scenario file.
struct TraceLoaderTests {
    /// A scenario whose stream `day` replays `day.csv`; `trace:` is on line 11, column 12.
    static let scenario = """
        name: traced
        horizon: 1h
        task_channels: [voice, chat]
        task_queues: [{friendly_name: Q}]
        workflows:
          - friendly_name: W
            configuration: {task_routing: {default_filter: {queue: Q}}}
        workers:
          - {group: g, count: 1, channels: {voice: 1, chat: 1}}
        arrivals:
          - {name: day, trace: day.csv, channel: voice, handle_time: 5m, attributes: {source: log}}
        """

    /// What loading gave: the scenario, or the errors with the folder cut out.
    enum Loaded {
        case scenario(Scenario)
        case errors([String])

        var spec: SimulationSpec? {
            if case .scenario(let scenario) = self { return scenario.spec }
            return nil
        }

        var errors: [String]? {
            if case .errors(let errors) = self { return errors }
            return nil
        }
    }

    /// Loads the scenario with `csv` as `day.csv`.
    static func load(_ csv: String, scenario: String = scenario) throws -> Loaded {
        var outcome = Loaded.errors([])
        try Fixtures.withFiles(["scenario.yaml": scenario, "day.csv": csv]) { folder in
            do {
                outcome = .scenario(try ScenarioLoader.load(path: folder + "scenario.yaml"))
            } catch let error as ScenarioErrors {
                outcome = .errors(error.errors.map { $0.description.replacingOccurrences(of: folder, with: "") })
            }
        }
        return outcome
    }

    @Test func readsEveryColumn() throws {
        let csv = """
            time,handle_time,patience,wrapup_time,priority,channel,language,tier
            0,90,,,,,es,1
            12.5,,2m,10s,7,chat,en,gold
            "12.5",,,,,,"with, comma",
            """
        let spec = try #require(try Self.load(csv).spec)
        guard case .trace(let callers) = spec.arrivals[0].process else {
            Issue.record("not a trace: \(spec.arrivals[0].process)")
            return
        }
        #expect(callers == [
            TracedCaller(time: 0, attributes: ["language": .string("es"), "tier": .number(1)], handleTime: 90),
            TracedCaller(time: 12.5, attributes: ["language": .string("en"), "tier": .string("gold")], patience: 120,
                         wrapupTime: 10, priority: 7, channel: spec.workspace.channelIndex(named: "chat")),
            TracedCaller(time: 12.5, attributes: ["language": .string("with, comma")]),
        ])
        #expect(spec.arrivals[0].attributes == .object(["source": .string("log")]))
    }

    @Test func everyBadRowAtOnceWithItsRowAndLine() throws {
        let csv = """
            time,handle_time,priority,channel,language
            10,abc,,,en
            5,,1.5,fax,es
            7,,,,en,extra
            ,,,,en
            """
        let errors = try #require(Self.load(csv).errors)
        let at = "scenario.yaml:11:24: arrivals.day.trace: trace \"day.csv\""
        #expect(errors == [
            at + #" row 1 (line 2): handle_time: expected a duration >= 0 like 45s, 5m or 90 (seconds), found "abc""#,
            at + #" row 2 (line 3): priority: expected an integer from 0 to 2147483647, found "1.5""#,
            at + #" row 2 (line 3): channel: unknown task channel "fax"; expected one of: default, voice, sms, chat, video"#,
            at + " row 2 (line 3): time 5 is before the previous row's 10; rows must be sorted by time",
            at + " row 3 (line 4): expected 5 fields as in the header, found 6",
            at + " row 4 (line 5): time: expected a duration, found an empty cell",
        ])
    }

    @Test func fileProblems() throws {
        #expect(try Self.load("when,language\n1,en\n").errors == [
            #"scenario.yaml:11:24: arrivals.day.trace: trace "day.csv": expected a column "time" in the header (the first line), found: when, language"#
        ])
        let trace = #"scenario.yaml:11:24: arrivals.day.trace: trace "day.csv""#
        let unclosed = try #require(Self.load("time,,time\n\"1\n").errors)
        #expect(Array(unclosed.prefix(3)) == [
            trace + ": the quoted field that starts on line 2 is never closed",
            trace + ": column 2 of the header has no name",
            trace + #": column "time" is given twice"#,
        ])
        let missing = Self.scenario.replacingOccurrences(of: "trace: day.csv", with: "trace: nowhere.csv")
        #expect(try Self.load("time\n", scenario: missing).errors == [
            #"scenario.yaml:11:24: arrivals.day.trace: cannot read the trace file "nowhere.csv": no such file"#
        ])
        let both = Self.scenario.replacingOccurrences(of: "trace: day.csv", with: "trace: day.csv, rate: 1/m")
        #expect(try Self.load("time\n", scenario: both).errors == [
            #"scenario.yaml:11:5: arrivals.day: give only one of "rate", "trace", not several"#
        ])
        let scaled = Self.scenario.replacingOccurrences(of: "trace: day.csv", with: "trace: day.csv, rate_multiplier: 2")
        #expect(try Self.load("time\n", scenario: scaled).errors == [
            #"scenario.yaml:11:50: arrivals.day.rate_multiplier: give only one of "trace", "rate_multiplier", not several"#
        ])
    }

    @Test func manyProblemsAreCut() throws {
        let csv = "time\n" + (1...30).map { _ in "x" }.joined(separator: "\n")
        let errors = try #require(Self.load(csv).errors)
        #expect(errors.count == 21)
        #expect(errors.last?.hasSuffix(#"trace "day.csv": 10 more problems not shown"#) == true)
    }

    /// A stream-level `handle_time` is needed only when a row leaves it empty, and the
    /// message says which row.
    @Test func handleTimeOnEveryRowNeedsNoStreamValue() throws {
        let streamless = Self.scenario.replacingOccurrences(of: ", handle_time: 5m", with: "")
        let spec = try #require(try Self.load("time,handle_time\n0,90\n5,30\n", scenario: streamless).spec)
        guard case .trace(let callers) = spec.arrivals[0].process else {
            Issue.record("not a trace: \(spec.arrivals[0].process)")
            return
        }
        #expect(callers.map(\.handleTime) == [90, 30])
        #expect(try Self.load("time,handle_time\n0,90\n5,\n", scenario: streamless).errors == [
            #"scenario.yaml:11:5: arrivals.day.handle_time: missing required key "handle_time" (row 2 of trace "day.csv" leaves handle_time empty)"#
        ])
    }
}
