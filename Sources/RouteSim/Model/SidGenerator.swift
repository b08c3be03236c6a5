import RouteSimKernel

/// Makes TaskRouter-shaped SIDs (prefix + 32 lowercase hex digits) that depend only on the
/// seed, the prefix and an index, so the same scenario and seed give the same SIDs.
///
/// The one owner of the SID text format (``SidPrefix``'s two letters, ``length`` bytes): the
/// scenario loader, the engine's statistics documents and the store's rows make every SID
/// they do not read from the scenario here, and the loader checks a given SID against
/// ``length``.
///
/// SIDs are formatted on demand (when a record is written), never on the engine's hot
/// path; but a run with a million tasks formats several million, so each prefix's base
/// stream is derived once and the digits are written into one buffer.
public struct SidGenerator: Sendable {
    /// The run seed the SIDs derive from.
    public let seed: UInt64
    /// The base stream of each prefix, in ``SidPrefix/allCases`` order.
    private let bases: [RandomStream]
    /// The two letters of each prefix, as a little-endian store writes them, in
    /// ``SidPrefix/allCases`` order.
    private let letters: [UInt16]

    public init(seed: UInt64) {
        self.seed = seed
        bases = SidPrefix.allCases.map { RandomStream(seed: seed, replication: 0, name: "sid." + $0.rawValue) }
        letters = SidPrefix.allCases.map {
            let bytes = Array($0.rawValue.utf8)
            return UInt16(littleEndian: UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
        }
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
    /// For writers that store millions of SIDs: no string is made, and the 32 digits are
    /// made eight at a time in a 64-bit word (``hexDigits(_:)``).
    @discardableResult
    public func write(_ prefix: SidPrefix, _ index: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(buffer.count >= Self.length, "a SID needs \(Self.length) bytes")
        let ordinal = prefix.ordinal
        let (high, low) = bases[ordinal].substreamPrefix(UInt64(truncatingIfNeeded: index))
        let bytes = UnsafeMutableRawPointer(buffer.baseAddress!)
        bytes.storeBytes(of: letters[ordinal], as: UInt16.self)
        bytes.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: high >> 32)), toByteOffset: 2, as: UInt64.self)
        bytes.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: high)), toByteOffset: 10, as: UInt64.self)
        bytes.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: low >> 32)), toByteOffset: 18, as: UInt64.self)
        bytes.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: low)), toByteOffset: 26, as: UInt64.self)
        return Self.length
    }

    /// The eight lowercase hex digits of `value` as ASCII, most significant first, in the
    /// byte order of memory (a little-endian store writes them left to right).
    @inline(__always)
    static func hexDigits(_ value: UInt32) -> UInt64 {
        // Spread the nibbles to one per byte, least significant in byte 0.
        var x = UInt64(value)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // 1 in each byte whose nibble is 10 or more: those become 'a'...'f', the rest '0'...'9'.
        let letters = ((x &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        x = x &+ 0x3030_3030_3030_3030 &+ letters &* 39
        return UInt64(littleEndian: x.byteSwapped)
    }
}
