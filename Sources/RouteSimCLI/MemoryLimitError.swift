import Foundation
import RouteSim

/// Runs estimated to need more memory than the machine has available.
struct MemoryLimitError: UserFacingError {
    /// The largest run's estimate.
    var estimate: MemoryEstimate
    /// Runs at a time.
    var atOnce: Int
    /// The bytes available.
    var available: Double

    var problems: [String] {
        let parts = [
            ("workers", estimate.workers), ("KPI intervals", estimate.intervals), ("routing tables", estimate.routing),
            ("callers in flight", estimate.callers), ("rows kept until written", estimate.rows),
        ].filter { $0.1 >= 0.01 * estimate.total }.map { "\($0.0) \(Self.size($0.1))" }
        let times = atOnce > 1 ? " × \(atOnce) runs at a time = \(Self.size(estimate.total * Double(atOnce)))" : ""
        return [
            "a run is estimated to need \(Self.size(estimate.total)) of memory (\(parts.joined(separator: ", ")))\(times), "
                + "more than the \(Self.size(available)) this machine has available; make the scenario smaller "
                + (atOnce > 1 ? "or lower --jobs, " : "")
                + "or pass --no-memory-check to start anyway"
        ]
    }

    /// Bytes as `3.2 GB` or `410 MB`.
    private static func size(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
    }
}
