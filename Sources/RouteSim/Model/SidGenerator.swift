import RouteSimKernel

/// Makes TaskRouter-shaped SIDs (prefix + 32 lowercase hex digits) that depend only on the
/// seed, the prefix and an index, so the same scenario and seed give the same SIDs.
///
/// SIDs are formatted on demand (when a record is written), never on the engine's hot
/// path; but a run with a million tasks formats several million, so each prefix's base
/// stream is derived once and the digits are written into one buffer.
public struct SidGenerator: Sendable {
    /// The run seed the SIDs derive from.
    public let seed: UInt64
    /// The base stream of each prefix, in ``SidPrefix/allCases`` order.
    private let bases: [RandomStream]

    public init(seed: UInt64) {
        self.seed = seed
        bases = SidPrefix.allCases.map { RandomStream(seed: seed, replication: 0, name: "sid." + $0.rawValue) }
    }

    /// The length of every SID: a two-letter prefix and 32 hex digits.
    public static let length = 34

    /// The SID of the `index`-th resource of a kind. O(1).
    public func sid(_ prefix: SidPrefix, _ index: Int) -> String {
        String(unsafeUninitializedCapacity: Self.length) { write(prefix, index, into: $0) }
    }

    /// Writes the SID of the `index`-th resource of a kind as UTF-8 into the first
    /// ``length`` bytes of `buffer` and returns that length. O(1).
    ///
    /// For writers that store millions of SIDs: no string is made.
    @discardableResult
    public func write(_ prefix: SidPrefix, _ index: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(buffer.count >= Self.length, "a SID needs \(Self.length) bytes")
        let base = bases[prefix.ordinal]
        var stream = base.substream(UInt64(truncatingIfNeeded: index))
        let high = stream.next()
        let low = stream.next()
        var position = 0
        for letter in prefix.rawValue.utf8 {
            buffer[position] = letter
            position += 1
        }
        for half in 0..<2 {
            let word = half == 0 ? high : low
            for shift in stride(from: 60, through: 0, by: -4) {
                let digit = UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0xF
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
        }
        return position
    }
}
