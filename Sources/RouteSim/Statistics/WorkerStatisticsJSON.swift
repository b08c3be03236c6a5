/// Writes the cumulative statistics document of one worker: TaskRouter's
/// `WorkerCumulativeStatistics`, byte for byte what ``AttributeValue/jsonText`` makes of it
/// as an object, without building the object.
///
/// A workforce of 10,000 agents has as many documents; made as dictionaries of
/// ``AttributeValue``s (hashed, then sorted by key) they were most of a run's fixed cost
/// (docs/performance.md, section 6). The keys here are written in the order `jsonText`
/// sorts them, and everything that is the same for every worker (the keys, the activities'
/// SIDs and names, the window, the workspace's SID) is written once.
///
/// The one owner of the worker document's layout: the store saves the text as it is (the
/// `statistics` table's `document`), the twin reads it back to nest it in its answers,
/// and nothing else writes one.
package struct WorkerStatisticsJSON {
    /// `{"activity_durations":[`.
    private let opening: [UInt8]
    /// Per activity: `{"avg":`, `,"friendly_name":"…","max":`, `,"min":`, `,"sid":"…","total":`.
    private let activityParts: [[[UInt8]]]
    /// `],"end_time":…,"reservations_accepted":`, with the window's end.
    private let middle: [UInt8]
    /// `,"start_time":…,"worker_sid":`, with the window's start.
    private let beforeWorkerSid: [UInt8]
    /// `,"workspace_sid":"…"}`.
    private let closing: [UInt8]
    /// The keys of the reservation counters after `reservations_accepted`, in sorted order.
    private static let counterKeys = [
        "reservations_canceled", "reservations_created", "reservations_rejected", "reservations_rescinded",
        "reservations_timed_out",
    ].map { Array(",\"\($0)\":".utf8) }

    /// The writer for `workspace`'s workers over the window [`start`, `end`].
    package init(workspace: Workspace, start: Double, end: Double) {
        opening = Array(#"{"activity_durations":["#.utf8)
        activityParts = workspace.activities.map { activity in
            var name: [UInt8] = Array(#","friendly_name":"#.utf8)
            AttributeValue.appendJSONString(activity.friendlyName, to: &name)
            name += #","max":"#.utf8
            var sid: [UInt8] = Array(#","sid":"#.utf8)
            AttributeValue.appendJSONString(activity.sid, to: &sid)
            sid += #","total":"#.utf8
            return [Array(#"{"avg":"#.utf8), name, Array(#","min":"#.utf8), sid]
        }
        var middle: [UInt8] = Array(#"],"end_time":"#.utf8)
        AttributeValue.appendJSONNumber(end, to: &middle)
        middle += #","reservations_accepted":"#.utf8
        self.middle = middle
        var beforeWorkerSid: [UInt8] = Array(#","start_time":"#.utf8)
        AttributeValue.appendJSONNumber(start, to: &beforeWorkerSid)
        beforeWorkerSid += #","worker_sid":"#.utf8
        self.beforeWorkerSid = beforeWorkerSid
        var closing: [UInt8] = Array(#","workspace_sid":"#.utf8)
        AttributeValue.appendJSONString(workspace.sid, to: &closing)
        closing.append(UInt8(ascii: "}"))
        self.closing = closing
    }

    /// The document of the worker `workerSid` with its reservation counts and its time in
    /// each activity (in the workspace's activity order).
    package func json(workerSid: String, reservations: ReservationCounters, durations: ArraySlice<DurationSummary>) -> String {
        var output = opening
        output.reserveCapacity(256 + 160 * activityParts.count)
        for (parts, duration) in zip(activityParts, durations) {
            if output.count > opening.count { output.append(UInt8(ascii: ",")) }
            output += parts[0]
            AttributeValue.appendJSONNumber(duration.average, to: &output)
            output += parts[1]
            AttributeValue.appendJSONNumber(duration.maximum, to: &output)
            output += parts[2]
            AttributeValue.appendJSONNumber(duration.minimum, to: &output)
            output += parts[3]
            AttributeValue.appendJSONNumber(duration.total, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output += middle
        AttributeValue.appendJSONNumber(Double(reservations.accepted), to: &output)
        for (key, count) in zip(Self.counterKeys, [
            reservations.canceled, reservations.created, reservations.rejected, reservations.rescinded,
            reservations.timedOut,
        ]) {
            output += key
            AttributeValue.appendJSONNumber(Double(count), to: &output)
        }
        output += beforeWorkerSid
        AttributeValue.appendJSONString(workerSid, to: &output)
        output += closing
        return String(decoding: output, as: UTF8.self)
    }
}
