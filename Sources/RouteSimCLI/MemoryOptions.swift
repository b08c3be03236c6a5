import ArgumentParser
import Foundation
import RouteSim

/// `--no-memory-check`, and the check it turns off: before runs start, their estimated
/// memory (``MemoryEstimate``) times the runs at a time must fit in what the machine has
/// available (`MemAvailable` in `/proc/meminfo`; no check where that cannot be read).
struct MemoryOptions: ParsableArguments {
    @Flag(help: "Start runs even when their estimated memory exceeds what the machine has available.")
    var noMemoryCheck = false

    /// Throws ``MemoryLimitError`` when the largest run of `specs`, `atOnce` at a time, is
    /// estimated to need more memory than is available.
    func check(_ specs: [SimulationSpec], atOnce: Int, keepsRows: Bool, keepsEvents: Bool) throws(MemoryLimitError) {
        guard !noMemoryCheck, let available = Self.available() else { return }
        let estimates = specs.map { MemoryEstimate(spec: $0, keepsRows: keepsRows, keepsEvents: keepsEvents) }
        guard let largest = estimates.max(by: { $0.total < $1.total }),
            largest.total * Double(atOnce) > available
        else { return }
        throw MemoryLimitError(estimate: largest, atOnce: atOnce, available: available)
    }

    /// The bytes the machine has available, nil when unknown.
    static func available() -> Double? {
        (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)).flatMap(memAvailable)
    }

    /// `MemAvailable` of a `/proc/meminfo` text, in bytes; nil when absent.
    static func memAvailable(in meminfo: String) -> Double? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Double(fields[1]) else { return nil }
            return kilobytes * (fields.count > 2 && fields[2] == "kB" ? 1024 : 1)
        }
        return nil
    }
}
