import RouteSim

/// The numbers of the tasks (or reservations) of a workspace by SID, built as SIDs are
/// looked up rather than as the engine makes them.
///
/// A SID derives from its number (``SidGenerator``), and numbers are given in order, so the
/// first lookup that misses indexes every number made since the last one. A run that no
/// client asks about hashes no SID, and a session that looks SIDs up pays O(1) amortized
/// per lookup.
struct TwinSidIndex {
    /// The kind of SID indexed.
    let prefix: SidPrefix
    /// The number of each indexed SID.
    private var numbers: [String: Int] = [:]
    /// The numbers below this one are indexed.
    private var indexed = 0

    init(_ prefix: SidPrefix) {
        self.prefix = prefix
    }

    /// The number of `sid` among the first `count` numbers; nil when it is none of them.
    /// O(1) amortized; O(numbers made since the last miss) on a miss.
    mutating func number(of sid: String, count: Int, sids: SidGenerator) -> Int? {
        if let number = numbers[sid] { return number }
        guard indexed < count else { return nil }
        numbers.reserveCapacity(count)
        for number in indexed..<count { numbers[sids.sid(prefix, number)] = number }
        indexed = count
        return numbers[sid]
    }
}
