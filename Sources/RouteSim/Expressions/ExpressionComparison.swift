/// A compiled comparison `lhs operator rhs` in which at least one side is a reference (two literals fold to a
/// constant at parse time).
struct ExpressionComparison: Sendable, Hashable {
    /// The left operand.
    let lhs: ExpressionOperand
    /// The operator, aliases already resolved (`=` is `.equal`, `<-` is `.in`, `>-` is `.has`).
    let op: ExpressionOperator
    /// The right operand.
    let rhs: ExpressionOperand

    /// Whether the comparison holds in `context`; allocates nothing.
    func evaluate(_ context: ExpressionContext) -> Bool {
        op.apply(lhs.resolve(in: context), rhs.resolve(in: context))
    }
}
