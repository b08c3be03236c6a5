import Foundation
@testable import RouteSimStore
import Testing

/// How a plan is cut into parts, and `PartMerge` refusing to merge nothing.
struct ExperimentPartTests {
    @Test(arguments: [1, 2, 3, 7, 16, 100])
    func partsAreConsecutiveSlicesDifferingByAtMostOne(parts: Int) {
        for runs in [parts, parts + 1, 2 * parts + 3, 10_000] {
            let slices = (1...parts).map { ExperimentPart.slice($0, of: parts, runs: runs) }
            #expect(slices.first?.lowerBound == 0)
            #expect(slices.last?.upperBound == runs)
            #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            let sizes = slices.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(runs) runs in \(parts) parts: \(sizes)")
        }
    }

    @Test func mergingNoPartIsRefusedAndWritesNothing() {
        let output = StoreFixture.scratchFolder().appendingPathComponent("merged.sqlite").path
        #expect(throws: MergeError.noParts) { try PartMerge.merge([], into: output, partial: false, version: "0.1.0") }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
