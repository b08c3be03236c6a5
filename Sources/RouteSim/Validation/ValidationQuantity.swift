/// One number a validation case checks: its exact value and how the simulation measures it.
public struct ValidationQuantity: Sendable, Equatable {
    /// Short label, e.g. `P(wait > 0)` or `SL(20 s)`.
    public var name: String
    /// The known value, from a closed-form formula.
    public var expected: Double
    public var measure: ValidationMeasure
    /// The unit printed after the value: `s`, or empty for ratios and counts.
    public var unit: String

    public init(_ name: String, expected: Double, measure: ValidationMeasure, unit: String = "") {
        self.name = name
        self.expected = expected
        self.measure = measure
        self.unit = unit
    }
}
