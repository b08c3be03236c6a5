/// The task attribute sets of a spec's callers, numbered for the ``RoutingTable``, which
/// evaluates every expression once per set.
///
/// Profile s is arrival stream s's own `attributes`. After them come the distinct sets
/// traced callers carry (their stream's attributes with the row's on top), numbered in
/// stream then row order as first met, so the numbering is the same on every run. A
/// caller's profile is then an array lookup.
public struct TaskProfiles: Sendable {
    /// The attribute sets, by profile.
    public private(set) var attributes: [AttributeValue]
    /// Per stream, each traced caller's profile; empty for a stream without a trace.
    private var callerProfiles: [[Int32]]

    /// Numbers the attribute sets of `arrivals`. O(traced callers × attributes per caller).
    public init(arrivals: [ArrivalStream]) {
        attributes = arrivals.map(\.attributes)
        callerProfiles = []
        var numbered: [AttributeValue: Int32] = [:]
        for (s, stream) in arrivals.enumerated() {
            guard case .trace(let callers) = stream.process else {
                callerProfiles.append([])
                continue
            }
            callerProfiles.append(callers.map { caller in
                guard !caller.attributes.isEmpty else { return Int32(s) }
                var merged: [String: AttributeValue] = [:]
                if case .object(let base) = stream.attributes { merged = base }
                merged.merge(caller.attributes) { $1 }
                let set = AttributeValue.object(merged)
                if set == stream.attributes { return Int32(s) }
                if let known = numbered[set] { return known }
                let profile = Int32(attributes.count)
                attributes.append(set)
                numbered[set] = profile
                return profile
            })
        }
    }

    /// The profile of caller number `caller` (0-based, in arrival order) of stream `stream`. O(1).
    func profile(stream: Int, caller: Int) -> Int32 {
        let traced = callerProfiles[stream]
        return traced.isEmpty ? Int32(stream) : traced[caller]
    }
}
