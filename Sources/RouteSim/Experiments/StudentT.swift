/// Two-sided quantiles of Student's t distribution, for confidence intervals over
/// replications.
public enum StudentT {
    /// Exact quantiles t(1 - alpha/2, df) for df = 1...30, at confidence 0.90, 0.95, 0.99.
    private static let table: [Double: [Double]] = [
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

    /// The normal quantiles the t quantiles tend to.
    private static let normal: [Double: Double] = [0.90: 1.644854, 0.95: 1.959964, 0.99: 2.575829]

    /// t(1 - alpha/2, df) for `confidence` 0.90, 0.95 or 0.99. Exact to 6 digits up to
    /// 30 degrees of freedom; beyond, the Cornish-Fisher expansion around the normal
    /// quantile, which is within 1e-4 there.
    public static func quantile(confidence: Double, degreesOfFreedom df: Int) -> Double {
        guard let exact = table[confidence], let z = normal[confidence] else {
            preconditionFailure("confidence must be 0.90, 0.95 or 0.99, not \(confidence)")
        }
        precondition(df >= 1, "degrees of freedom must be at least 1")
        if df <= exact.count { return exact[df - 1] }
        let n = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
    }
}
