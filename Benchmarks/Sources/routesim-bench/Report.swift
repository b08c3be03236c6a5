import Foundation

/// The table (or JSON) printed at the end.
struct Report {
    let options: Options
    let results: [Parent.CaseResult]
    let startedAt: Date
    let loadBefore: String
    let loadAfter: String

    /// Whether --scenario or --set changed the routesim cases (their titles get a `*`).
    var modified: Bool { options.scenario != nil || !options.overrides.isEmpty }

    var simpy: Measurement? { results.first { $0.benchCase == "simpy" }?.best }

    /// routesim's callers/s over SimPy's (best runs of each), for cases a and b.
    func ratio(_ result: Parent.CaseResult) -> Double? {
        guard !modified, result.benchCase == "a" || result.benchCase == "b", let best = result.best, let simpy else {
            return nil
        }
        return best.callersPerSecond / simpy.callersPerSecond
    }

    var machine: [String: String] {
        var uts = utsname()
        uname(&uts)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "?"
        return [
            "host": text(uts.nodename), "system": "\(text(uts.sysname)) \(text(uts.release)) \(text(uts.machine))",
            "cpu": cpu, "cores": String(ProcessInfo.processInfo.activeProcessorCount),
            "memory_gb": String(format: "%.1f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
        ]
    }

    var when: String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: startedAt)
    }

    func text() -> String {
        var lines: [String] = []
        let m = machine
        lines.append("routesim-bench \(when) on \(m["cpu"] ?? "?"), \(m["cores"] ?? "?") cores, \(m["memory_gb"] ?? "?") GB, \(m["system"] ?? "?")")
        lines.append("load average before \(loadBefore), after \(loadAfter); callers per routesim case \(group(options.callers))"
            + (options.cases.contains(.simpy) ? ", SimPy \(group(options.effectiveSimpyCallers))" : "")
            + (options.repeats > 1 ? "; best of \(options.repeats) runs, spread = slowest..fastest callers/s" : ""))
        if let scenario = options.scenario { lines.append("* scenario: \(scenario)") }
        if !options.overrides.isEmpty { lines.append("* overrides: " + options.overrides.joined(separator: " ")) }
        lines.append("")
        var header = ["case", "what", "callers", "events", "wall s", "callers/s", "events/s", "peak MB", "x SimPy"]
        if options.repeats > 1 { header.insert("callers/s spread", at: 6) }
        var rows: [[String]] = [header]
        for result in results {
            guard let best = result.best else {
                rows.append([result.benchCase, result.title, "-", "-", "-", "failed", "", "", ""]
                    + (options.repeats > 1 ? [""] : []))
                continue
            }
            var row = [
                result.benchCase, result.title + (modified && result.benchCase != "simpy" ? " *" : ""), group(best.callers), best.events.map(group) ?? "-",
                String(format: "%.2f", best.wallSeconds), group(Int(best.callersPerSecond.rounded())),
                best.eventsPerSecond.map { group(Int($0.rounded())) } ?? "-",
                String(format: "%.1f", best.peakMB),
                ratio(result).map { String(format: "%.1fx", $0) } ?? "",
            ]
            if options.repeats > 1, let slow = result.slowest {
                row.insert(group(Int(slow.callersPerSecond.rounded())) + ".." + group(Int(best.callersPerSecond.rounded())), at: 6)
            }
            rows.append(row)
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column <= 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            lines.append(cells.joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        lines.append("")
        if let simpyResult = results.first(where: { $0.benchCase == "simpy" }) {
            if let simpy = simpyResult.best {
                lines.append("SimPy \(simpy.simpyVersion ?? "?") on Python \(simpy.pythonVersion ?? "?"); "
                    + "x SimPy = routesim callers/s / SimPy callers/s (best runs).")
            } else {
                lines.append("\(simpyResult.failure ?? "SimPy not run"); no ratios.")
            }
        }
        for result in results {
            guard let best = result.best else {
                if result.benchCase != "simpy" { lines.append("case \(result.benchCase): FAILED: \(result.failure ?? "?")") }
                continue
            }
            var parts: [String] = []
            if let load = best.loadSeconds { parts.append(String(format: "load %.2f s", load)) }
            if let simulate = best.simulateSeconds, result.benchCase != "simpy" {
                parts.append(String(format: "simulate %.2f s", simulate))
            }
            if let events = best.events { parts.append(String(format: "%.2f events/caller", Double(events) / Double(best.callers))) }
            if let db = best.databaseMB { parts.append(String(format: "SQLite %.1f MB", db)) }
            if let rate = best.abandonRate { parts.append(String(format: "abandoned %.2f %%", rate * 100)) }
            if let asa = best.asaSeconds { parts.append(String(format: "ASA %.1f s", asa)) }
            parts.append(String(format: "horizon %.1f h", best.horizonSeconds / 3600))
            lines.append("case \(result.benchCase): " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        struct Output: Encodable {
            var startedAt: String
            var machine: [String: String]
            var loadAverageBefore: String
            var loadAverageAfter: String
            var callers: Int
            var simpyCallers: Int
            var repeats: Int
            var scenario: String?
            var overrides: [String]
            var cases: [CaseOutput]
        }
        struct CaseOutput: Encodable {
            var benchCase: String
            var title: String
            var failure: String?
            var best: Measurement?
            var bestCallersPerSecond: Double?
            var bestEventsPerSecond: Double?
            var slowestCallersPerSecond: Double?
            var ratioToSimPy: Double?
            var runs: [Measurement]
        }
        let output = Output(
            startedAt: when, machine: machine, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter,
            callers: options.callers, simpyCallers: options.effectiveSimpyCallers, repeats: options.repeats,
            scenario: options.scenario, overrides: options.overrides,
            cases: results.map {
                CaseOutput(
                    benchCase: $0.benchCase, title: $0.title, failure: $0.failure, best: $0.best,
                    bestCallersPerSecond: $0.best?.callersPerSecond, bestEventsPerSecond: $0.best?.eventsPerSecond,
                    slowestCallersPerSecond: $0.slowest?.callersPerSecond, ratioToSimPy: ratio($0), runs: $0.runs)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}
