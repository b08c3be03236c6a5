@testable import RouteSim
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
}
