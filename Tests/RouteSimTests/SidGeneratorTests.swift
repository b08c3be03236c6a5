@testable import RouteSim
import RouteSimKernel
import Testing

/// SIDs: TaskRouter's shape, a function of (seed, prefix, index) only.
@Suite struct SidGeneratorTests {
    @Test func shapeAndDeterminism() {
        let sids = SidGenerator(seed: 7)
        for prefix in SidPrefix.allCases {
            let sid = sids.sid(prefix, 12)
            #expect(sid.count == 34)
            #expect(sid.hasPrefix(prefix.rawValue))
            #expect(sid.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(SidGenerator(seed: 7).sid(prefix, 12) == sid)
        }
        #expect(sids.sid(.task, 0) != sids.sid(.task, 1))
        #expect(sids.sid(.task, 0).dropFirst(2) != sids.sid(.reservation, 0).dropFirst(2))
        #expect(SidGenerator(seed: 8).sid(.task, 0) != sids.sid(.task, 0))
        #expect(SidGenerator(seed: 1).sid(.task, 0) == "WT8caff311be9060d456fd80269dc3dcb7")
    }

    @Test func ordinalsFollowAllCases() {
        #expect(SidPrefix.allCases.map(\.ordinal) == Array(0..<SidPrefix.allCases.count))
    }

    /// The digits are the prefix's substream's first two words in hex, most significant
    /// first, zero-padded (the word-at-a-time formatting of `write` against a plain one).
    @Test func digitsAreTheSubstreamWordsInHex() {
        for seed: UInt64 in [0, 1, 42, .max] {
            let sids = SidGenerator(seed: seed)
            for prefix in SidPrefix.allCases {
                for index in [0, 1, 2, 15, 16, 255, 65_535, 1 << 40, Int.max, -1] {
                    var stream = RandomStream(seed: seed, replication: 0, name: "sid." + prefix.rawValue)
                        .substream(UInt64(truncatingIfNeeded: index))
                    let words = [stream.next(), stream.next()]
                    let digits = words.map { word in
                        let hex = String(word, radix: 16)
                        return String(repeating: "0", count: 16 - hex.count) + hex
                    }
                    #expect(sids.sid(prefix, index) == prefix.rawValue + digits.joined())
                }
            }
        }
    }
}
