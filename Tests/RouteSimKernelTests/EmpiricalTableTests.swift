import Testing
import RouteSimKernel

@Suite("EmpiricalTable")
struct EmpiricalTableTests {
    static let sampleCount = 200_000

    @Test("stores values and normalised cumulative weights")
    func storesCumulativeWeights() throws {
        let table = try EmpiricalTable(values: [10, 20, 30, 40], weights: [1, 0, 3, 6])
        #expect(table.values == [10, 20, 30, 40])
        #expect(table.cumulativeWeights == [0.1, 0.1, 0.4, 1.0])
        let equal = try EmpiricalTable(values: [1, 2, 3, 4], weights: nil)
        #expect(equal.cumulativeWeights == [0.25, 0.5, 0.75, 1.0])
    }

    @Test("the last cumulative weight is exactly 1, even after trailing zero weights")
    func lastCumulativeIsOne() throws {
        let table = try EmpiricalTable(values: [1, 2, 3, 4, 5], weights: [0.1, 0.7, 0.2, 0, 0])
        #expect(table.cumulativeWeights.last == 1)
        #expect(table.cumulativeWeights[2] == 1)
        let huge = try EmpiricalTable(values: [1, 2], weights: [.greatestFiniteMagnitude, .greatestFiniteMagnitude])
        #expect(huge.cumulativeWeights == [0.5, 1])
    }

    @Test("sampled frequencies match the weights within 5 standard errors")
    func frequenciesMatchWeights() throws {
        let values: [Double] = [10, 20, 30, 40, 50]
        let weights: [Double] = [1, 0, 3, 6, 0.25]
        let table = try EmpiricalTable(values: values, weights: weights)
        let distribution = Distribution.empirical(table)
        var rng = RandomStream(seed: 12, replication: 0, name: "empirical-frequencies")
        var counts: [Double: Int] = [:]
        for _ in 0..<Self.sampleCount {
            counts[distribution.sample(&rng), default: 0] += 1
        }
        #expect(Set(counts.keys).isSubset(of: Set(values)))
        #expect(counts[20] == nil)
        let total = weights.reduce(0, +)
        let n = Double(Self.sampleCount)
        for (value, weight) in zip(values, weights) where weight > 0 {
            let p = weight / total
            let observed = Double(counts[value, default: 0]) / n
            #expect(abs(observed - p) < 5 * (p * (1 - p) / n).squareRoot())
        }
    }

    @Test("a single value is always drawn")
    func singleValue() throws {
        let distribution = Distribution.empirical(try EmpiricalTable(values: [8], weights: nil))
        var rng = RandomStream(key: 3)
        for _ in 0..<1_000 {
            #expect(distribution.sample(&rng) == 8)
        }
    }

    @Test("tables with equal inputs are equal")
    func equality() throws {
        #expect(try EmpiricalTable(values: [1, 2], weights: nil) == EmpiricalTable(values: [1, 2], weights: [5, 5]))
        #expect(try EmpiricalTable(values: [1, 2], weights: nil) != EmpiricalTable(values: [1, 2], weights: [1, 2]))
    }

    @Test("invalid tables throw a message saying what was expected and found", arguments: [
        ([Double](), nil, "empirical needs at least one value, found none"),
        ([1, -2, 3], nil, "empirical needs values >= 0, found -2 at index 1"),
        ([1, .nan], nil, "empirical needs finite values, found nan at index 1"),
        ([.infinity], nil, "empirical needs finite values, found inf at index 0"),
        ([1, 2, 3], [1, 2], "empirical needs as many weights as values (3 values, 2 weights)"),
        ([1, 2], [1, 2, 3], "empirical needs as many weights as values (2 values, 3 weights)"),
        ([1, 2, 3], [1, -0.5, 2], "empirical needs weights >= 0, found -0.5 at index 1"),
        ([1, 2], [0, 0], "empirical needs at least one weight > 0, found all zero"),
        ([1, 2], [1, .infinity], "empirical needs finite weights, found inf at index 1"),
        ([1, 2], [.nan, 1], "empirical needs finite weights, found nan at index 0"),
    ] as [([Double], [Double]?, String)])
    func invalidTablesThrow(_ values: [Double], _ weights: [Double]?, _ message: String) {
        #expect(throws: DistributionError(message: message)) {
            try EmpiricalTable(values: values, weights: weights)
        }
    }
}
