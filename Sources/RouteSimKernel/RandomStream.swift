#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded pseudo-random stream: xoshiro256** whose state is filled from SplitMix64.
///
/// Each purpose in a simulation gets its own stream, derived from `(seed, replication, name)`.
/// A stream is a value: copying it copies its position, and no stream ever shares state with
/// another, so adding, removing or drawing from one stream never shifts another stream's draws.
/// The derivation uses only fixed integer arithmetic (no `Hasher`), so the `next()` values are
/// identical across processes, runs and platforms; values that pass through the C library's
/// `log`, `cos` or `exp` may differ in the last bit between C libraries (glibc versus Darwin).
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// The 64-bit key the stream was seeded from; `substream(_:)` derives children from it.
    ///
    /// Two streams with the same key produce the same sequence.
    public let key: UInt64

    /// xoshiro256** state word 0. The four words are never all zero.
    @usableFromInline var s0: UInt64
    /// xoshiro256** state word 1.
    @usableFromInline var s1: UInt64
    /// xoshiro256** state word 2.
    @usableFromInline var s2: UInt64
    /// xoshiro256** state word 3.
    @usableFromInline var s3: UInt64

    /// The SplitMix64 increment (2^64 / golden ratio).
    @usableFromInline static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Separates substream keys from the parent's own seeding sequence (hex digits of pi).
    @usableFromInline static let substreamTag: UInt64 = 0x243F_6A88_85A3_08D3

    /// Mixed into the seed before hashing, so seed and replication are not interchangeable (pi, continued).
    static let seedTag: UInt64 = 0x1319_8A2E_0370_7344

    /// Mixed into the replication before hashing (pi, continued).
    static let replicationTag: UInt64 = 0xA409_3822_299F_31D0

    /// Mixed into the name hash before hashing (pi, continued).
    static let nameTag: UInt64 = 0x082E_FA98_EC4E_6C89

    /// Creates the stream for one purpose (`name`) in one replication of one experiment (`seed`).
    ///
    /// The key is FNV-1a 64 of the UTF-8 bytes of `name` (no Unicode normalisation), combined
    /// with `seed` and `replication` through SplitMix64 finalizers, each input with its own tag so
    /// that swapping seed and replication gives a different stream. Changing any of the three gives
    /// an unrelated stream. Cost: O(name length).
    public init(seed: UInt64, replication: Int, name: String) {
        var nameHash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            nameHash ^= UInt64(byte)
            nameHash &*= 0x0000_0100_0000_01B3
        }
        var key = Self.finalize(seed ^ Self.seedTag)
        key = Self.finalize(key ^ Self.finalize(UInt64(truncatingIfNeeded: replication) ^ Self.replicationTag))
        key = Self.finalize(key ^ Self.finalize(nameHash ^ Self.nameTag))
        self.init(key: key)
    }

    /// Creates a stream straight from a 64-bit key: the xoshiro state is the first four
    /// SplitMix64 outputs starting from `key`.
    ///
    /// Keys that differ by multiples of the SplitMix64 increment give overlapping states; use
    /// `init(seed:replication:name:)` or `substream(_:)` rather than hand-made nearby keys.
    @inlinable
    public init(key: UInt64) {
        self.key = key
        var state = key
        state &+= Self.golden
        s0 = Self.finalize(state)
        state &+= Self.golden
        s1 = Self.finalize(state)
        state &+= Self.golden
        s2 = Self.finalize(state)
        state &+= Self.golden
        s3 = Self.finalize(state)
    }

    /// The SplitMix64 output function: a bijective 64-bit mixer.
    @inlinable
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A deterministic child stream number `index`, derived from this stream's key only.
    ///
    /// The result does not depend on how many values were drawn from `self`, and differs for
    /// every index. Typical use: the n-th caller of an arrival stream draws from `substream(n)`,
    /// so its draws do not depend on how many draws earlier callers used. O(1): six SplitMix64
    /// finalizers. Children may themselves be split further.
    @inlinable
    public func substream(_ index: UInt64) -> RandomStream {
        RandomStream(key: substreamKey(index))
    }

    /// The first two values of `substream(index)`, without making the whole stream: what a
    /// caller that needs 128 bits per index (a SID) pays for. O(1): five SplitMix64
    /// finalizers instead of six, and no fourth state word, which the first two values do
    /// not depend on.
    @inlinable
    public func substreamPrefix(_ index: UInt64) -> (UInt64, UInt64) {
        var state = substreamKey(index)
        state &+= Self.golden
        let s0 = Self.finalize(state)
        state &+= Self.golden
        let s1 = Self.finalize(state)
        state &+= Self.golden
        let s2 = Self.finalize(state)
        // `next()` twice: the second value reads word 1 after the first update, s1 ^ (s2 ^ s0).
        return (rotateLeft(s1 &* 5, by: 7) &* 9, rotateLeft((s1 ^ s2 ^ s0) &* 5, by: 7) &* 9)
    }

    /// The key of `substream(index)`.
    @inlinable
    func substreamKey(_ index: UInt64) -> UInt64 {
        let base = Self.finalize(key ^ Self.substreamTag)
        return Self.finalize(base &+ (index &+ 1) &* Self.golden)
    }

    /// The next 64 uniformly distributed bits (xoshiro256**). O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Rotates `value` left by `count` bits (0 < count < 64).
    @inlinable
    func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 &- count))
    }

    /// A uniform double in [0, 1) on the grid of multiples of 2^-53; uses one `next()`.
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in the open interval (0, 1), safe to pass to `log`; uses one `next()`.
    ///
    /// Values are the midpoints (k + 0.5) / 2^52, so the smallest is 2^-53 and the largest 1 - 2^-53.
    @inlinable
    public mutating func uniformOpen() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1p-52
    }

    /// An exponential variate with the given mean (same unit as `mean`), by inverse transform.
    ///
    /// Uses one `next()`. Strictly positive and finite for a finite positive mean.
    @inlinable
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(uniformOpen())
    }

    /// A standard normal variate (mean 0, variance 1) by the Box–Muller transform.
    ///
    /// Uses exactly two `next()` calls and keeps no spare value, so the stream position after a
    /// call is always predictable. |result| is at most about 8.6.
    @inlinable
    public mutating func standardNormal() -> Double {
        let radius = (-2 * log(uniformOpen())).squareRoot()
        return radius * cos(2 * Double.pi * uniform())
    }
}
