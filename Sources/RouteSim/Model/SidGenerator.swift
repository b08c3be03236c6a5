import RouteSimKernel

/// Makes TaskRouter-shaped SIDs (prefix + 32 lowercase hex digits) that depend only on the
/// seed, the prefix and an index, so the same scenario and seed give the same SIDs.
///
/// SIDs are formatted on demand (when a record is written), never on the engine's hot path.
public struct SidGenerator: Sendable {
    /// The run seed the SIDs derive from.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The SID of the `index`-th resource of a kind. O(1).
    public func sid(_ prefix: SidPrefix, _ index: Int) -> String {
        var stream = RandomStream(seed: seed, replication: 0, name: "sid." + prefix.rawValue)
            .substream(UInt64(truncatingIfNeeded: index))
        return prefix.rawValue + Self.hex(stream.next()) + Self.hex(stream.next())
    }

    /// Sixteen lowercase hex digits, zero-padded.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
