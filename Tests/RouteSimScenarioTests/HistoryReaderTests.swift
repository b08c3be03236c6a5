import RouteSim
import RouteSimScenario
import Testing

@Suite("Call history reader")
struct HistoryReaderTests {
    /// The Anonymous Bank layout, times of day beside a date, as `--map` reads it.
    static let bankMapping: [(name: String, column: String)] = [
        ("arrived_at", "vru_exit"), ("answered_at", "ser_start"), ("ended_at", "ser_exit"),
        ("hung_up_at", "q_exit"), ("queue", "type"), ("agent", "server"),
    ]

    @Test("the Anonymous Bank layout: dates YYMMDD, AGENT, HANG and PHANTOM, a call across midnight")
    func anonymousBank() throws {
        let text = """
            vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server
            AA0101,33116,9664491,2,PS,990101,0:00:31,0:00:36,5,0:00:36,0:03:09,153,HANG,0:00:00,0:00:00,0,NO_SERVER
            AA0101,33117,0,0,PS,990101,0:34:12,0:34:23,11,0:00:00,0:00:00,0,AGENT,0:34:22,0:37:06,164,MICHAL
            AA0101,33118,0,0,NE,990101,6:55:20,6:55:26,6,6:55:26,6:55:43,17,PHANTOM,0:00:00,0:00:00,0,NO_SERVER
            AA0101,33119,0,2,NE,990102,23:58:00,23:58:10,10,23:58:10,0:00:40,150,AGENT,0:00:40,0:05:40,300,ANAT
            """
        let history = try CallHistoryReader.read(text: text, file: "bank.csv", mapping: Self.bankMapping)
        #expect(history.phantoms == 1)
        #expect(history.streams == ["PS", "NE"])
        #expect(history.agents == ["MICHAL", "ANAT"])
        #expect(history.firstDate == "1999-01-01")
        let calls = history.calls
        #expect(calls.count == 3)
        #expect(calls[0] == HistoryCall(stream: 0, arrival: 36, outcome: .abandoned, wait: 153))
        // Answered a second before its recorded VRU exit: a wait of 0 is what the clock allows.
        #expect(calls[1].outcome == .answered && calls[1].handle == 164)
        #expect(calls[1].wait == 0)
        #expect(calls[2] == HistoryCall(
            stream: 1, arrival: 86_400 + 23 * 3600 + 58 * 60 + 10, outcome: .answered, wait: 150, handle: 300, agent: 1))
    }

    @Test("every bad row is reported at once, with its row and line")
    func badRows() {
        let text = """
            arrived_at,queue,answered_at,ended_at,outcome
            10,sales,20,200,
            abc,sales,,,
            30,sales,50,40,
            40,,,,
            50,sales,,,LOST
            60,sales,2025-03-03T08:00:00,,
            70,sales,,,AGENT
            """
        #expect {
            try CallHistoryReader.read(text: text, file: "calls.csv")
        } throws: { error in
            let lines = (error as? CallHistoryErrors)?.errors.map(\.description) ?? []
            return lines == [
                #"history "calls.csv" row 2 (line 3): arrived_at: expected seconds from a start (90, 1.5h), a date and time (2025-03-03T08:00:05, Z or +01:00 allowed) or a time of day (8:00:05) with a date column, found "abc""#,
                #"history "calls.csv" row 3 (line 4): ended_at is before answered_at"#,
                #"history "calls.csv" row 4 (line 5): queue: expected the call's queue, found an empty cell"#,
                #"history "calls.csv" row 5 (line 6): outcome: expected AGENT, answered or completed; HANG, abandoned or canceled; or PHANTOM (no call), found "LOST""#,
                #"history "calls.csv" row 6 (line 7): answered_at: expected seconds from a start as in the first row, found "2025-03-03T08:00:00""#,
                #"history "calls.csv" row 7 (line 8): answered_at: expected when the answered call was answered, found an empty cell"#,
                #"history "calls.csv" row 7 (line 8): ended_at: expected when the answered call ended, found an empty cell"#,
            ]
        }
    }

    @Test("an unclosed quote, the header's unnamed and repeated columns and a missing arrived_at are told as for a trace")
    func fileProblems() {
        #expect {
            try CallHistoryReader.read(text: "queue,,queue\n1,a,\"b\n", file: "calls.csv")
        } throws: { error in
            let lines = (error as? CallHistoryErrors)?.errors.map(\.description) ?? []
            return lines == [
                #"history "calls.csv": the quoted field that starts on line 2 is never closed"#,
                #"history "calls.csv": column 2 of the header has no name"#,
                #"history "calls.csv": column "queue" is given twice"#,
                #"history "calls.csv": expected a column "arrived_at" in the header (the first line), found: queue, , queue; --map arrived_at=COLUMN names another"#,
            ]
        }
    }

    @Test("more than 20 problems: the first 20, then how many more")
    func manyProblemsAreCut() {
        let text = "arrived_at,queue\n" + (1...30).map { _ in "x,sales" }.joined(separator: "\n")
        #expect {
            try CallHistoryReader.read(text: text, file: "calls.csv")
        } throws: { error in
            let lines = (error as? CallHistoryErrors)?.errors.map(\.description) ?? []
            return lines.count == 21 && lines.last == #"history "calls.csv": 10 more problems not shown"#
        }
    }

    @Test("a --map to a missing column, an unknown name and an unknown zone are reported together")
    func badOptions() {
        #expect {
            try CallHistoryReader.read(
                text: "t,q\n1,a\n", file: "calls.csv", mapping: [("arrival", "t"), ("queue", "q")], timeZone: "Mars/Olympus")
        } throws: { error in
            let lines = (error as? CallHistoryErrors)?.errors.map(\.description) ?? []
            return lines == [
                #"--map: arrival=t: unknown column name "arrival"; expected one of: arrived_at, queue, answered_at, ended_at, hung_up_at, date, outcome, wrapup_seconds, agent"#,
                #"--timezone: unknown time zone "Mars/Olympus"; expected a name such as Europe/Paris or UTC, or an offset such as +02:00"#,
            ]
        }
        #expect {
            try CallHistoryReader.read(text: "t,q\n1,a\n", file: "calls.csv", mapping: [("arrived_at", "time")])
        } throws: { error in
            (error as? CallHistoryErrors)?.errors.map(\.description)
                == [#"--map: arrived_at=time: the history "calls.csv" has no column "time"; its columns: t, q"#]
        }
    }

    @Test("a caller still waiting when the history ends is censored at its end; wrap-up is read")
    func waitingAtTheEnd() throws {
        let text = """
            arrived_at,answered_at,ended_at,wrapup_seconds
            0,5,65,30s
            10,,40,
            20,,,
            """
        let calls = try CallHistoryReader.read(text: text, file: "calls.csv").calls
        #expect(calls[0] == HistoryCall(stream: 0, arrival: 0, outcome: .answered, wait: 5, handle: 60, wrapup: 30))
        #expect(calls[1] == HistoryCall(stream: 0, arrival: 10, outcome: .abandoned, wait: 30))
        #expect(calls[2] == HistoryCall(stream: 0, arrival: 20, outcome: .waiting, wait: 45))
    }

    @Test("dates with an offset move onto the center's clock; days and intervals follow it")
    func timeZones() throws {
        let text = """
            arrived_at,answered_at,ended_at
            2025-03-03T07:30:00Z,2025-03-03T08:30:10+01:00,2025-03-03 08:35:10
            """
        let utc = try CallHistoryReader.read(text: text, file: "calls.csv")
        #expect(utc.calls[0].arrival == 7.5 * 3600)
        #expect(utc.calls[0].wait == 10 && utc.calls[0].handle == 3600 + 300)
        let paris = try CallHistoryReader.read(text: text, file: "calls.csv", timeZone: "Europe/Paris")
        #expect(paris.calls[0].arrival == 8.5 * 3600)
        #expect(paris.calls[0].wait == 10 && paris.calls[0].handle == 300)
        #expect(paris.firstDate == "2025-03-03")
    }
}
