import Foundation
import RouteSim
import RouteSimKernel
import RouteSimScenario
import Testing

/// The fitted scenario carries what the history shows beyond one day's averages: a profile per
/// day of the week (as variants) and the agents' answer behaviour seen in TaskRouter's events.
@Suite("Fitted scenario: days of the week and answers")
struct FittedScenarioTests {
    /// Weekdays only, from Monday 2025-03-03: day-of-week w (0 = Monday) has 10·(w + 1) calls
    /// at 09:00-09:30 and 20 at 09:30-10:00, the same every week, every call answered after 5 s.
    static func weekdayCalls(weeks: Int) -> [HistoryCall] {
        var calls: [HistoryCall] = []
        for day in 0..<(7 * weeks) where day % 7 < 5 {
            let slots = [(start: 9 * 3600.0, count: 10 * (day % 7 + 1)), (start: 9.5 * 3600, count: 20)]
            for slot in slots {
                for k in 0..<slot.count {
                    let arrival = Double(day) * 86_400 + slot.start + Double(k) * 1800 / Double(slot.count)
                    calls.append(HistoryCall(stream: 0, arrival: arrival, outcome: .answered, wait: 5, handle: 100 + Double(k)))
                }
            }
        }
        return calls
    }

    @Test("three weeks of weekdays that differ: one profile per day of the week, written as variants that run")
    func profilePerDayOfWeek() throws {
        let fit = HistoryFitter.fit(Self.weekdayCalls(weeks: 3), streams: ["Support"], interval: 1800)
        #expect(fit.weekdays == [0, 1, 2, 3, 4])
        #expect(fit.streams[0].weekdayVolumes.map { $0.map(\.value) } == [[10, 20], [20, 20], [30, 20], [40, 20], [50, 20]])
        // Across the week the days differ; within a day of the week they do not.
        #expect(fit.streams[0].dayMultiplier?.shown == true)
        #expect(fit.streams[0].weekdayMultiplier?.shown == false)

        let text = FittedScenario(fit, name: "weekly", source: "synthetic", firstDate: "2025-03-03").text
        let scenario = try ScenarioLoader.load(text: text, path: "weekly.yaml")
        #expect(scenario.variants.map(\.name) == ["monday", "tuesday", "wednesday", "thursday", "friday"])
        #expect(scenario.spec.arrivals[0].process == .profile(every: 1800, volumes: [30, 20]))
        #expect(scenario.spec.arrivals[0].rateMultiplier != nil)
        for (w, variant) in scenario.variants.enumerated() {
            let day = try ScenarioLoader.load(text: text, path: "weekly.yaml", overrides: variant.overrides)
            #expect(day.spec.arrivals[0].process == .profile(every: 1800, volumes: [10 * Double(w + 1), 20]), "\(variant.name)")
            #expect(day.spec.arrivals[0].rateMultiplier == nil, "\(variant.name)")
        }
    }

    @Test("fewer than three of each day of the week: one profile for all days, no variants")
    func tooFewWeeks() {
        let fit = HistoryFitter.fit(Self.weekdayCalls(weeks: 2), streams: ["Support"], interval: 1800)
        #expect(fit.weekdays.isEmpty)
        #expect(fit.streams[0].weekdayVolumes.isEmpty)
        #expect(!FittedScenario(fit, name: "two weeks", source: "synthetic").text.contains("variants:"))
    }

    @Test("without dates the days of the week are named from the history's first day")
    func undatedDaysOfWeek() throws {
        let fit = HistoryFitter.fit(Self.weekdayCalls(weeks: 3), streams: ["Support"], interval: 1800)
        let scenario = try ScenarioLoader.load(text: FittedScenario(fit, name: "weekly", source: "synthetic").text, path: "weekly.yaml")
        #expect(scenario.variants.map(\.name) == ["day0", "day1", "day2", "day3", "day4"])
    }

    @Test("the agents follow the staffing seen: one group per shift pattern, on shift where the history had them")
    func shiftsFollowTheStaffing() throws {
        // Two days alike, 08:00-09:30: agents 0 and 1 work from 08:00 to past 09:00, agent 2
        // only at 08:00-08:30 and agent 3 only at 09:00-09:30, so 3, 2 and 3 are on shift.
        var calls: [HistoryCall] = []
        for day in 0..<2 {
            let midnight = Double(day) * 86_400
            for (agent, starts) in [(0, [8.0, 9.1]), (1, [8.1, 9.05]), (2, [8.05]), (3, [9.05])] {
                for hour in starts {
                    calls.append(HistoryCall(stream: 0, arrival: midnight + hour * 3600, outcome: .answered, wait: 0, handle: 600, agent: agent))
                }
            }
        }
        let fit = HistoryFitter.fit(calls, streams: ["Support"], interval: 1800)
        #expect(fit.agentsOnShift == [3, 2, 3])
        let scenario = FittedScenario(fit, name: "shifts", source: "synthetic")
        #expect(fit.agentsOnShift != nil && !scenario.text.contains("PLACEHOLDER") && scenario.workers == 3)
        let groups = try ScenarioLoader.load(text: scenario.text, path: "shifts.yaml").spec.workerGroups
        #expect(groups.map(\.name) == ["agents", "agents-2"])
        #expect(groups.map(\.count) == [2, 1])
        #expect(groups[0].shifts.isEmpty)
        #expect(groups[1].shifts.map { [$0.start, $0.end] } == [[0, 1800], [3600, 5400]])
    }

    /// Ten tasks, one reservation each: six accepted after 2-4 s, two rejected after 5 s, two
    /// timed out after 120 s, whose agents come back 50 and 70 s later.
    static let events: String = {
        var lines: [String] = []
        func event(_ type: String, _ seconds: Double, _ data: [String: String]) {
            let object: [String: Any] = ["event_type": type, "event_date_ms": (1_741_000_000 + seconds) * 1000, "event_data": data]
            lines.append(String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        let delays = [2.0, 3, 4, 2, 3, 4]
        for i in 0..<10 {
            let start = Double(i) * 600
            let task = ["task_sid": "WT\(i)", "task_queue_name": "Support"]
            let reservation = task.merging(["reservation_sid": "WR\(i)", "worker_sid": "WK\(i)", "worker_name": "agent \(i)"]) { $1 }
            event("task.created", start, task)
            event("reservation.created", start + 1, reservation)
            if i < 6 {
                event("reservation.accepted", start + 1 + delays[i], reservation)
                event("task.completed", start + 200, task)
            } else if i < 8 {
                event("reservation.rejected", start + 6, reservation)
                event("task.canceled", start + 30, task.merging(["task_canceled_reason": "hangup"]) { $1 })
            } else {
                event("reservation.timeout", start + 121, reservation)
                event("worker.activity.update", start + 121, ["worker_sid": "WK\(i)", "worker_activity_name": "Offline"])
                event("worker.activity.update", start + 121 + (i == 8 ? 50 : 70), ["worker_sid": "WK\(i)", "worker_activity_name": "Available"])
                event("task.canceled", start + 150, task.merging(["task_canceled_reason": "hangup"]) { $1 })
            }
        }
        return lines.joined(separator: "\n")
    }()

    @Test("the events' reject and time-out shares, answer delay and time back are the agents' answer")
    func answerFromEvents() throws {
        let history = try TaskRouterEventsReader.read(text: Self.events, file: "events.jsonl")
        let tally = try #require(history.reservations)
        #expect(tally.backAfterTimeout == [50, 70])
        let fit = HistoryFitter.fit(history.calls, streams: history.streams, interval: 1800)
        let text = FittedScenario(fit, name: "answers", source: "events.jsonl", reservations: tally).text
        let answer = try ScenarioLoader.load(text: text, path: "answers.yaml").spec.workerGroups[0].answer
        #expect(answer.reject == 0.2)
        #expect(answer.noAnswer == 0.2)
        #expect(abs(answer.delay.mean - 3.5) < 0.1, "\(answer.delay)")
        let back = try #require(answer.backAfterTimeout)
        #expect(abs(back.mean - 60) < 1, "\(back)")

        let accepting = FittedScenario(fit, name: "answers", source: "events.jsonl").text
        #expect(try ScenarioLoader.load(text: accepting, path: "answers.yaml").spec.workerGroups[0].answer == .immediate)
    }

    @Test("a task TaskRouter cancels itself (TTL, workflow time-out) was still waiting; any other cancel is a hang-up")
    func systemCancelsCensorPatience() throws {
        let reasons = ["Task TTL Exceeded", "Task canceled on Workflow timeout", "Caller hung up"]
        let lines = reasons.enumerated().flatMap { i, reason -> [String] in
            let created: [String: Any] = [
                "event_type": "task.created", "event_date_ms": (1_741_000_000 + Double(i) * 600) * 1000,
                "event_data": ["task_sid": "WT\(i)", "task_queue_name": "Support"]]
            let canceled: [String: Any] = [
                "event_type": "task.canceled", "event_date_ms": (1_741_000_000 + Double(i) * 600 + 90) * 1000,
                "event_data": ["task_sid": "WT\(i)", "task_canceled_reason": reason]]
            return [created, canceled].map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        }
        let history = try TaskRouterEventsReader.read(text: lines.joined(separator: "\n"), file: "events.jsonl")
        #expect(history.calls.map(\.outcome) == [.waiting, .waiting, .abandoned])
        #expect(history.calls.map(\.wait) == [90, 90, 90])
        let stream = HistoryFitter.fit(history.calls, streams: history.streams, interval: 1800).streams[0]
        #expect((stream.abandoned, stream.waiting) == (1, 2))
        #expect(stream.patience.censored == [90, 90])
    }
}
