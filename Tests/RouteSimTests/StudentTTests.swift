import RouteSim
import Testing

/// Student-t quantiles against published tables and scipy.
@Suite struct StudentTTests {
    /// t(1 − alpha/2, df) for df = 1...30 at confidence 0.90, 0.95 and 0.99, as statistics
    /// tables print them (6 decimals).
    static let table: [Double: [Double]] = [
        0.90: [6.313752, 2.919986, 2.353363, 2.131847, 2.015048, 1.943180, 1.894579, 1.859548, 1.833113, 1.812461,
               1.795885, 1.782288, 1.770933, 1.761310, 1.753050, 1.745884, 1.739607, 1.734064, 1.729133, 1.724718,
               1.720743, 1.717144, 1.713872, 1.710882, 1.708141, 1.705618, 1.703288, 1.701131, 1.699127, 1.697261],
        0.95: [12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
               2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
               2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272],
        0.99: [63.656741, 9.924843, 5.840909, 4.604095, 4.032143, 3.707428, 3.499483, 3.355387, 3.249836, 3.169273,
               3.105807, 3.054540, 3.012276, 2.976843, 2.946713, 2.920782, 2.898231, 2.878440, 2.860935, 2.845340,
               2.831360, 2.818756, 2.807336, 2.796940, 2.787436, 2.778715, 2.770683, 2.763262, 2.756386, 2.749996],
    ]

    @Test(arguments: [0.90, 0.95, 0.99])
    func tableValuesToSixDecimals(confidence: Double) {
        for (index, expected) in Self.table[confidence]!.enumerated() {
            let t = StudentT.quantile(confidence: confidence, degreesOfFreedom: index + 1)
            #expect(abs(t - expected) <= 5.000001e-7, "confidence \(confidence), df \(index + 1): \(t)")
        }
    }

    /// `scipy.stats.t.ppf(1 - (1 - confidence) / 2, df)`, scipy 1.17.1, to 15 digits:
    /// Bonferroni levels (0.05 over 36 and 8 quantities), far tails, levels below one half,
    /// and many degrees of freedom.
    static let scipy: [(confidence: Double, df: Int, quantile: Double)] = [
        (0.998, 9, 4.29680566272992),
        (0.999, 9, 4.78091258593122),
        (1 - 0.05 / 36, 9, 4.54851354546972),
        (1 - 0.05 / 36, 19, 3.7394867749206),
        (1 - 0.05 / 36, 1, 458.365508883908),
        (1 - 0.05 / 8, 1, 101.855891065436),
        (0.5, 1, 1),
        (0.5, 5, 0.726686843800423),
        (0.01, 3, 0.0136040546910366),
        (0.999999, 4, 49.458636755204),
        (0.9999, 2, 99.99249984375),
        (0.8, 30, 1.3104150253914),
        (0.95, 31, 2.03951344639641),
        (0.95, 100, 1.98397151852355),
        (0.99, 1000, 2.58075469806595),
        (0.95, 100_000, 1.95998770753461),
    ]

    @Test func anyConfidenceMatchesScipy() {
        for (confidence, df, expected) in Self.scipy {
            let t = StudentT.quantile(confidence: confidence, degreesOfFreedom: df)
            #expect(abs(t - expected) <= 1e-10 * expected, "confidence \(confidence), df \(df): \(t), expected \(expected)")
        }
    }

    @Test func quantilesGrowWithConfidenceAndShrinkWithDegreesOfFreedom() {
        let levels = stride(from: 0.05, to: 1, by: 0.05).map { StudentT.quantile(confidence: $0, degreesOfFreedom: 4) }
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
        let dfs = [1, 2, 5, 10, 100, 10_000].map { StudentT.quantile(confidence: 0.95, degreesOfFreedom: $0) }
        #expect(zip(dfs, dfs.dropFirst()).allSatisfy { $0 > $1 })
    }
}
