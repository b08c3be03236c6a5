import Foundation
import RouteSim

/// The summary `routesim run` prints: for people (aligned text) or scripts (JSON).
struct RunReport {
    var runID: Int64
    var database: String
    var spec: SimulationSpec
    var result: SimulationResult
    var wallSeconds: Double

    /// One line of KPIs with its value, as text and as JSON.
    private struct Line {
        var key: String
        var label: String
        var value: Double?
        var text: String
    }

    private func lines(_ kpis: KPIs) -> [Line] {
        let threshold = Self.number(spec.serviceLevel)
        return [
            Line(key: "offered", label: "offered", value: Double(kpis.offered), text: "\(kpis.offered)"),
            Line(key: "answered", label: "answered", value: Double(kpis.answered), text: "\(kpis.answered)"),
            Line(key: "abandoned", label: "abandoned", value: Double(kpis.abandoned),
                 text: "\(kpis.abandoned)" + (kpis.abandonRate.map { "  (" + Self.percent($0) + " of offered)" } ?? "")),
            Line(key: "other_canceled", label: "other canceled", value: Double(kpis.otherCanceled), text: "\(kpis.otherCanceled)"),
            Line(key: "service_level", label: "service level", value: kpis.serviceLevel,
                 text: Self.percent(kpis.serviceLevel) + "  (answered within \(threshold) s / answered + abandoned after)"),
            Line(key: "sl_offered", label: "  of offered", value: kpis.slOffered, text: Self.percent(kpis.slOffered)),
            Line(key: "sl_answered", label: "  of answered", value: kpis.slAnswered, text: Self.percent(kpis.slAnswered)),
            Line(key: "asa", label: "ASA", value: kpis.asa, text: Self.seconds(kpis.asa)),
            Line(key: "aht", label: "AHT", value: kpis.aht, text: Self.seconds(kpis.aht)),
            Line(key: "occupancy", label: "occupancy", value: kpis.occupancy, text: Self.percent(kpis.occupancy)),
            Line(key: "reservations_rejected", label: "reservations rejected", value: Double(kpis.reservationsRejected),
                 text: "\(kpis.reservationsRejected)"),
            Line(key: "reservations_timed_out", label: "reservation time-outs", value: Double(kpis.reservationsTimedOut),
                 text: "\(kpis.reservationsTimedOut)"),
        ]
    }

    /// Aligned text: a heading, the center's KPIs, then one line per queue.
    func text() -> String {
        var out = "\(spec.name): run \(runID) -> \(database)\n"
        out += "  seed \(spec.seed), horizon \(Self.number(spec.horizon)) s, warm-up \(Self.number(spec.warmup)) s, "
        out += "\(result.tasksCreated) tasks, \(result.eventCount) events, \(String(format: "%.2f", wallSeconds)) s wall\n"
        for line in lines(result.summary) {
            out += "  " + line.label.padding(toLength: 24, withPad: " ", startingAt: 0) + line.text + "\n"
        }
        out += "  by queue (offered / answered / abandoned / service level / ASA):\n"
        for (q, kpis) in result.queues.enumerated() {
            let name = spec.workspace.taskQueues[q].friendlyName
            out += "    " + name.padding(toLength: 22, withPad: " ", startingAt: 0)
            out += "\(kpis.offered) / \(kpis.answered) / \(kpis.abandoned) / \(Self.percent(kpis.serviceLevel)) / \(Self.seconds(kpis.asa))\n"
        }
        return String(out.dropLast())
    }

    /// The same as one JSON object.
    func json() -> String {
        func object(_ kpis: KPIs) -> [String: Any] {
            var values: [String: Any] = [:]
            for line in lines(kpis) { values[line.key] = line.value ?? NSNull() }
            return values
        }
        var queues: [[String: Any]] = []
        for (q, kpis) in result.queues.enumerated() {
            var entry = object(kpis)
            entry["queue"] = spec.workspace.taskQueues[q].friendlyName
            queues.append(entry)
        }
        let document: [String: Any] = [
            "run_id": runID, "database": database, "scenario": spec.name, "seed": spec.seed,
            "tasks_created": result.tasksCreated, "event_count": result.eventCount,
            "end_time": result.endTime, "wall_seconds": wallSeconds,
            "kpis": object(result.summary), "queues": queues,
        ]
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f %%", $0 * 100) } ?? "-"
    }

    private static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.1f s", $0) } ?? "-"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
