import Foundation
import RouteSim

/// Reads TaskRouter's events into a call history: the Events API's pages (a JSON object with an
/// `events` list, or a list of pages), a JSON list of events, or one event (or page) a line.
///
/// An event needs `event_type`, a time (`event_date_ms`, or `event_date` in ISO 8601) and
/// `event_data` (an object, or a string holding one) with the `task_sid`. A task is a call from
/// its `task.created`; its stream is the first `task_queue_name` its events give; it was
/// answered at its first `reservation.accepted` (by that event's `worker_name`), talked until
/// `task.wrapup` (or `task.completed` without wrap-up), and wrapped up until `task.completed`.
/// A `task.canceled` is a hang-up, unless its `task_canceled_reason` is the system's (TTL,
/// workflow time-out): then the caller was still waiting, and censors patience. A task with
/// neither end is still waiting when the events end. Tasks created before the first event
/// are left out (their arrival is not seen). Reservations give the answer behaviour; a
/// worker's first `worker.activity.update` later than its reservation's `reservation.timeout`
/// (the time-out's own move happens at the same instant) ends its time away.
public enum TaskRouterEventsReader {
    /// Whether `text` looks like JSON rather than CSV: it starts with `{` or `[`.
    public static func isEvents(_ text: String) -> Bool {
        text.first { !$0.isWhitespace }.map { $0 == "{" || $0 == "[" } ?? false
    }

    /// The history in `text`, read as the file `file`, times on `timeZone`'s clock.
    public static func read(text: String, file: String, timeZone: String = "UTC") throws(CallHistoryErrors) -> CallHistory {
        guard var clock = HistoryClock(zone: timeZone) else {
            throw CallHistoryErrors(errors: [CallHistoryError(
                source: "--timezone", message: "unknown time zone \"\(timeZone)\"; expected a name such as "
                    + "Europe/Paris or UTC, or an offset such as +02:00")])
        }
        var problems: [CallHistoryError] = []
        var events: [(item: Any, line: Int?)] = []
        if let whole = try? JSONSerialization.jsonObject(with: Data(text.utf8)) {
            events = items(whole).map { ($0, nil) }
        } else {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy(\.isWhitespace) {
                guard let item = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
                    problems.append(CallHistoryError(source: file, line: index + 1, message: "expected a JSON event or page on the line"))
                    continue
                }
                events += items(item).map { ($0, index + 1) }
            }
        }
        var tasks: [String: EventTask] = [:]
        var order: [String] = []
        var tally = ReservationTally()
        var reservations: [String: Double] = [:]
        var timedOutWorkers: [String: Double] = [:]
        var latest = -Double.infinity
        for (number, (item, line)) in events.enumerated() {
            func problem(_ message: String) {
                problems.append(CallHistoryError(source: file, row: number + 1, line: line, message: message))
            }
            guard let event = item as? [String: Any], let type = event["event_type"] as? String else {
                problem("expected an event with an event_type")
                continue
            }
            let time: Double
            if let milliseconds = event["event_date_ms"] as? Double {
                time = milliseconds / 1000
            } else if let date = event["event_date"] as? String, case .instant(let seconds) = clock.time(date) {
                time = seconds
            } else {
                problem("\(type): expected event_date_ms (milliseconds since 1970) or event_date (ISO 8601)")
                continue
            }
            latest = max(latest, time)
            let data = (event["event_data"] as? [String: Any])
                ?? (event["event_data"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                ?? [:]
            if let reservation = data["reservation_sid"] as? String ?? event["resource_sid"] as? String, type.hasPrefix("reservation.") {
                switch type {
                case "reservation.created":
                    tally.created += 1
                    reservations[reservation] = time
                case "reservation.accepted", "reservation.rejected":
                    if type == "reservation.accepted" { tally.accepted += 1 } else { tally.rejected += 1 }
                    if let offered = reservations[reservation] { tally.answerDelays.append(time - offered) }
                case "reservation.timeout":
                    tally.timedOut += 1
                    if let worker = data["worker_sid"] as? String { timedOutWorkers[worker] = time }
                default:
                    break
                }
            }
            if type == "worker.activity.update", let worker = data["worker_sid"] as? String ?? event["resource_sid"] as? String,
               let timedOut = timedOutWorkers[worker], time > timedOut {
                tally.backAfterTimeout.append(time - timedOut)
                timedOutWorkers[worker] = nil
            }
            guard let sid = data["task_sid"] as? String else { continue }
            if type == "task.created", tasks[sid] == nil {
                tasks[sid] = EventTask(created: time)
                order.append(sid)
            }
            guard var task = tasks[sid] else { continue }
            if task.queue == nil { task.queue = data["task_queue_name"] as? String }
            switch type {
            case "reservation.accepted" where task.accepted == nil:
                task.accepted = time
                task.agent = data["worker_name"] as? String
            case "task.wrapup": task.talkEnded = task.talkEnded ?? time
            case "task.completed": task.completed = time
            case "task.canceled":
                task.canceled = time
                task.systemCanceled = (data["task_canceled_reason"] as? String).map(isSystemReason) ?? false
            default: break
            }
            tasks[sid] = task
        }
        guard problems.isEmpty else { throw CallHistoryErrors(cutting: problems, source: file) }
        guard !order.isEmpty else {
            throw CallHistoryErrors(errors: [CallHistoryError(source: file, message: "has no task.created event: no call to fit")])
        }
        var streams = NameIndex()
        var agents = NameIndex()
        let start = (tasks[order[0]]!.created / 86_400).rounded(.down) * 86_400
        let calls = order.map { sid -> HistoryCall in
            let task = tasks[sid]!
            var call = HistoryCall(
                stream: streams.index(task.queue ?? "calls"), arrival: task.created - start, outcome: .waiting,
                wait: latest - task.created)
            if let accepted = task.accepted {
                let talkEnd = task.talkEnded ?? task.completed ?? latest
                call.outcome = .answered
                call.wait = accepted - task.created
                call.handle = talkEnd - accepted
                call.wrapup = task.talkEnded.flatMap { ended in task.completed.map { $0 - ended } }
                call.agent = task.agent.map { agents.index($0) }
            } else if let canceled = task.canceled {
                call.outcome = task.systemCanceled ? .waiting : .abandoned
                call.wait = canceled - task.created
            }
            return call
        }
        return CallHistory(
            calls: calls, streams: streams.names, agents: agents.names, phantoms: 0,
            firstDate: CivilDate(daysSince1970: Int(start / 86_400)).text, reservations: tally)
    }

    /// The events of a parsed JSON value: a page's `events`, a list's items, or the event itself.
    private static func items(_ value: Any) -> [Any] {
        if let page = value as? [String: Any], let events = page["events"] as? [Any] { return events }
        if let list = value as? [Any] { return list.flatMap(items) }
        return [value]
    }

    /// Whether a cancel reason is TaskRouter's own (the task's TTL, a workflow time-out) rather
    /// than the application's report that the caller hung up.
    private static func isSystemReason(_ reason: String) -> Bool {
        reason.localizedCaseInsensitiveContains("TTL") || reason.localizedCaseInsensitiveContains("workflow timeout")
    }
}
