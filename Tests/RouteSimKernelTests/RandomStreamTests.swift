import Testing
import RouteSimKernel

@Suite("RandomStream")
struct RandomStreamTests {
    static let sampleCount = 200_000

    static func draws(_ stream: RandomStream, count: Int) -> [UInt64] {
        var stream = stream
        return (0..<count).map { _ in stream.next() }
    }

    static func correlation(_ left: [Double], _ right: [Double]) -> Double {
        let n = Double(left.count)
        let leftMean = left.reduce(0, +) / n
        let rightMean = right.reduce(0, +) / n
        var covariance = 0.0
        var leftSquares = 0.0
        var rightSquares = 0.0
        for (a, b) in zip(left, right) {
            covariance += (a - leftMean) * (b - rightMean)
            leftSquares += (a - leftMean) * (a - leftMean)
            rightSquares += (b - rightMean) * (b - rightMean)
        }
        return covariance / (leftSquares * rightSquares).squareRoot()
    }

    @Test("init(key:) is xoshiro256** seeded by SplitMix64 (C reference outputs)")
    func matchesReferenceImplementation() {
        #expect(Self.draws(RandomStream(key: 0), count: 5) == [
            0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
            0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59,
        ])
        #expect(Self.draws(RandomStream(key: 1), count: 5) == [
            0xB3F2_AF6D_0FC7_10C5, 0x853B_5596_4736_4CEA, 0x92F8_9756_082A_4514,
            0x642E_1C7B_C266_A3A7, 0xB27A_48E2_9A23_3673,
        ])
        #expect(Self.draws(RandomStream(key: 0x0123_4567_89AB_CDEF), count: 5) == [
            0xA2C2_A420_38D4_EC3D, 0x05FC_25D0_738E_7B0F, 0x625E_7BFF_938E_701E,
            0x1BA4_DDC6_FE2B_5726, 0xDF0A_2482_AC92_54CF,
        ])
        #expect(RandomStream(key: 0x0123_4567_89AB_CDEF).key == 0x0123_4567_89AB_CDEF)
    }

    /// Expected keys were computed by an independent script following the documented derivation
    /// (FNV-1a 64 of the name, tagged SplitMix64 finalizers); changing them changes every simulation result.
    @Test("named stream and substream keys follow the documented derivation")
    func namedKeysArePinned() {
        #expect(RandomStream(seed: 0, replication: 0, name: "").key == 0x5653_2550_A0EB_3D08)
        #expect(RandomStream(seed: 1, replication: 0, name: "arrivals").key == 0xBCA9_AFB1_4B40_C106)
        #expect(RandomStream(seed: 7, replication: -1, name: "héllo/✓").key == 0x4D55_DC8E_8D46_C398)
        let arrivals = RandomStream(seed: 1, replication: 0, name: "arrivals")
        #expect(arrivals.substream(0).key == 0xE7A3_0EE0_E1CB_DA12)
        #expect(arrivals.substream(41).key == 0xED01_D859_C830_307D)
    }

    @Test("same seed, replication and name give identical sequences")
    func sameInputsSameSequence() {
        let first = RandomStream(seed: 2024, replication: 3, name: "service/billing")
        let second = RandomStream(seed: 2024, replication: 3, name: "service/billing")
        #expect(first.key == second.key)
        #expect(Self.draws(first, count: 1_000) == Self.draws(second, count: 1_000))
    }

    @Test("different names, replications or seeds give different streams")
    func differentInputsDiffer() {
        let base = RandomStream(seed: 1, replication: 0, name: "arrivals")
        let variants = [
            RandomStream(seed: 1, replication: 0, name: "arrivals2"),
            RandomStream(seed: 1, replication: 0, name: "Arrivals"),
            RandomStream(seed: 1, replication: 0, name: "service"),
            RandomStream(seed: 1, replication: 1, name: "arrivals"),
            RandomStream(seed: 1, replication: -1, name: "arrivals"),
            RandomStream(seed: 2, replication: 0, name: "arrivals"),
            RandomStream(seed: 0, replication: 1, name: "arrivals"),
            RandomStream(seed: 0, replication: 0, name: "arrivals"),
        ]
        let baseDraws = Self.draws(base, count: 8)
        for variant in variants {
            #expect(variant.key != base.key)
            let variantDraws = Self.draws(variant, count: 8)
            #expect(zip(baseDraws, variantDraws).allSatisfy { $0 != $1 })
        }
    }

    @Test("keys are distinct across many seeds, replications and names")
    func keysAreDistinct() {
        var keys = Set<UInt64>()
        var made = 0
        for seed in UInt64(0)..<20 {
            for replication in 0..<50 {
                for name in ["arrivals", "service", "patience", "routing", "a", "b", ""] {
                    keys.insert(RandomStream(seed: seed, replication: replication, name: name).key)
                    made += 1
                }
            }
        }
        #expect(keys.count == made)
    }

    @Test("creating or drawing from another stream leaves a stream's draws unchanged")
    func streamsAreIsolated() {
        let alone = Self.draws(RandomStream(seed: 9, replication: 2, name: "service"), count: 500)
        var stream = RandomStream(seed: 9, replication: 2, name: "service")
        var other = RandomStream(seed: 9, replication: 2, name: "arrivals")
        var interleaved: [UInt64] = []
        for index in 0..<500 {
            if index % 7 == 0 {
                var extra = RandomStream(seed: 9, replication: 2, name: "extra-\(index)")
                _ = extra.next()
            }
            for _ in 0..<(index % 3) {
                _ = other.next()
            }
            interleaved.append(stream.next())
        }
        #expect(interleaved == alone)
    }

    @Test("substream(i) ignores the parent's drawn position")
    func substreamIgnoresParentPosition() {
        var parent = RandomStream(seed: 5, replication: 0, name: "callers")
        let before = parent.substream(17)
        for _ in 0..<1_234 {
            _ = parent.next()
        }
        let after = parent.substream(17)
        #expect(before.key == after.key)
        #expect(Self.draws(before, count: 100) == Self.draws(after, count: 100))
    }

    @Test("substreamPrefix(i) gives the first two draws of substream(i)")
    func substreamPrefixIsTheSubstreamsFirstTwoDraws() {
        let parent = RandomStream(seed: 11, replication: 3, name: "sid.WT")
        for index in [UInt64(0), 1, 2, 41, 1_000_003, UInt64.max] {
            var child = parent.substream(index)
            let (first, second) = parent.substreamPrefix(index)
            #expect(first == child.next())
            #expect(second == child.next())
        }
    }

    @Test("substreams differ across indices, from the parent and from other parents")
    func substreamsDiffer() {
        let parent = RandomStream(seed: 5, replication: 0, name: "callers")
        let otherParent = RandomStream(seed: 5, replication: 1, name: "callers")
        var keys: Set<UInt64> = [parent.key, otherParent.key]
        var firstDraws = Set<UInt64>()
        for index in UInt64(0)..<2_000 {
            var child = parent.substream(index)
            keys.insert(child.key)
            keys.insert(otherParent.substream(index).key)
            keys.insert(child.substream(0).key)
            firstDraws.insert(child.next())
        }
        #expect(keys.count == 2 + 3 * 2_000)
        #expect(firstDraws.count == 2_000)
        #expect(parent.substream(UInt64.max).key != parent.substream(0).key)
    }

    @Test("neighbouring streams and substreams are uncorrelated")
    func neighboursAreUncorrelated() {
        let n = 50_000
        func uniforms(_ stream: RandomStream) -> [Double] {
            var stream = stream
            return (0..<n).map { _ in stream.uniform() }
        }
        let parent = RandomStream(seed: 3, replication: 0, name: "callers")
        let pairs: [(RandomStream, RandomStream)] = [
            (RandomStream(seed: 3, replication: 0, name: "a"), RandomStream(seed: 3, replication: 0, name: "b")),
            (RandomStream(seed: 3, replication: 0, name: "a"), RandomStream(seed: 3, replication: 1, name: "a")),
            (RandomStream(seed: 3, replication: 0, name: "a"), RandomStream(seed: 4, replication: 0, name: "a")),
            (parent.substream(0), parent.substream(1)),
            (parent, parent.substream(0)),
            (RandomStream(key: 0), RandomStream(key: 1)),
        ]
        let tolerance = 5 / Double(n).squareRoot()
        for (left, right) in pairs {
            #expect(abs(Self.correlation(uniforms(left), uniforms(right))) < tolerance)
        }
    }

    @Test("uniform stays in [0, 1) and uniformOpen in (0, 1)")
    func uniformRanges() {
        var rng = RandomStream(seed: 1, replication: 0, name: "ranges")
        for _ in 0..<Self.sampleCount {
            let closed = rng.uniform()
            #expect(closed >= 0 && closed < 1)
            let open = rng.uniformOpen()
            #expect(open > 0 && open < 1)
        }
    }

    @Test("uniform has mean 1/2 and variance 1/12")
    func uniformMoments() {
        var rng = RandomStream(seed: 1, replication: 0, name: "uniform-moments")
        let moments = SampleMoments((0..<Self.sampleCount).map { _ in rng.uniform() })
        let n = Double(Self.sampleCount)
        #expect(abs(moments.mean - 0.5) < 5 * (1.0 / 12 / n).squareRoot())
        #expect(abs(moments.variance - 1.0 / 12) < 5 * ((1.0 / 80 - 1.0 / 144) / n).squareRoot())
    }

    @Test("uniformOpen has mean 1/2 and variance 1/12")
    func uniformOpenMoments() {
        var rng = RandomStream(seed: 1, replication: 0, name: "uniform-open-moments")
        let moments = SampleMoments((0..<Self.sampleCount).map { _ in rng.uniformOpen() })
        let n = Double(Self.sampleCount)
        #expect(abs(moments.mean - 0.5) < 5 * (1.0 / 12 / n).squareRoot())
        #expect(abs(moments.variance - 1.0 / 12) < 5 * ((1.0 / 80 - 1.0 / 144) / n).squareRoot())
    }

    @Test("exponential has the given mean and variance mean²")
    func exponentialMoments() {
        var rng = RandomStream(seed: 1, replication: 0, name: "exponential-moments")
        let mean = 180.0
        let moments = SampleMoments((0..<Self.sampleCount).map { _ in rng.exponential(mean: mean) })
        let n = Double(Self.sampleCount)
        #expect(moments.minimum > 0)
        #expect(abs(moments.mean - mean) < 5 * mean / n.squareRoot())
        #expect(abs(moments.variance - mean * mean) < 5 * (8 * mean * mean * mean * mean / n).squareRoot())
    }

    @Test("standardNormal has mean 0, variance 1 and 68.27% within one sd")
    func standardNormalMoments() {
        var rng = RandomStream(seed: 1, replication: 0, name: "normal-moments")
        let values = (0..<Self.sampleCount).map { _ in rng.standardNormal() }
        let moments = SampleMoments(values)
        let n = Double(Self.sampleCount)
        #expect(abs(moments.mean) < 5 / n.squareRoot())
        #expect(abs(moments.variance - 1) < 5 * (2 / n).squareRoot())
        #expect(abs(moments.fourthCentralMoment - 3) < 5 * (96 / n).squareRoot())
        let withinOne = Double(values.filter { abs($0) < 1 }.count) / n
        let p = 0.682_689_492_137_085_9
        #expect(abs(withinOne - p) < 5 * (p * (1 - p) / n).squareRoot())
    }

    @Test("standardNormal uses exactly two draws")
    func standardNormalUsesTwoDraws() {
        var normal = RandomStream(seed: 8, replication: 0, name: "two-draws")
        var raw = normal
        _ = normal.standardNormal()
        _ = raw.next()
        _ = raw.next()
        #expect(normal.next() == raw.next())
    }

    @Test("works as a RandomNumberGenerator for the standard library")
    func standardLibraryGenerator() {
        var first = RandomStream(seed: 4, replication: 0, name: "stdlib")
        var second = RandomStream(seed: 4, replication: 0, name: "stdlib")
        let a = (0..<100).map { _ in Int.random(in: 0..<1_000, using: &first) }
        let b = (0..<100).map { _ in Int.random(in: 0..<1_000, using: &second) }
        #expect(a == b)
        #expect(a.allSatisfy { (0..<1_000).contains($0) })
    }
}
