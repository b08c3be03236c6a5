@testable import RouteSim
import Testing

/// The per-worker cumulative statistics document written directly is the same text as the
/// document built as an object and rendered by `AttributeValue.jsonText`.
@Suite struct WorkerStatisticsJSONTests {
    @Test("the worker document equals the object's jsonText, for every kind of number and name")
    func writtenDocumentEqualsTheObjectsJSON() {
        let activities = [
            Activity(sid: "WAoff", friendlyName: "Offline", available: false),
            Activity(sid: "WAon", friendlyName: "Available \"now\"", available: true),
            Activity(sid: "WAlunch", friendlyName: "Lünch\\break", available: false),
        ]
        let workspace = Workspace(
            sid: "WSone", friendlyName: "One", defaultActivity: 0, timeoutActivity: 0, activities: activities,
            taskChannels: [], taskQueues: [], workflows: [])
        var reservations = ReservationCounters()
        for (type, count) in [
            (TaskRouterEventType.reservationCreated, 12), (.reservationAccepted, 9), (.reservationRejected, 1),
            (.reservationTimeout, 1), (.reservationCanceled, 1), (.reservationRescinded, 0),
        ] {
            for _ in 0..<count { reservations.count(type) }
        }
        var durations = [DurationSummary(), DurationSummary(), DurationSummary()]
        durations[0].add(373.4657218714601)
        durations[1].add(10_800)
        durations[1].add(14_400)
        durations[2].add(0.1)
        durations[2].add(1e20)
        for (start, end) in [(1_800.0, 29_173.46572187146), (0, 86_400), (-0.5, 3.5e15)] {
            var fields: [String: AttributeValue] = [
                "start_time": .number(start), "end_time": .number(end), "worker_sid": .string("WKa\u{1}b"),
                "workspace_sid": .string(workspace.sid),
            ]
            reservations.write(to: &fields)
            fields["activity_durations"] = .array(zip(activities, durations).map { activity, duration in
                var entry = duration.fields
                entry["sid"] = .string(activity.sid)
                entry["friendly_name"] = .string(activity.friendlyName)
                return .object(entry)
            })
            let writer = WorkerStatisticsJSON(workspace: workspace, start: start, end: end)
            #expect(writer.json(workerSid: "WKa\u{1}b", reservations: reservations, durations: durations[...])
                == AttributeValue.object(fields).jsonText)
        }
    }

    @Test("integral numbers are written as their digits, others as Swift's description")
    func numbersAsBefore() {
        for value in [0.0, -0.0, 1, -1, 10, 1_234_567_890, -9_223_372_036_854_775_808, 9.5, 1e300, 0.1] {
            var bytes: [UInt8] = []
            AttributeValue.appendJSONNumber(value, to: &bytes)
            let expected = value.rounded(.towardZero) == value && value.magnitude < 9_223_372_036_854_775_808
                ? String(Int64(value)) : value.description
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }
}
