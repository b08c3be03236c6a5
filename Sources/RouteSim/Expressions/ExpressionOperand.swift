/// One compiled side of a comparison: a literal value or a pre-split reference.
enum ExpressionOperand: Sendable, Hashable {
    /// A string, number, `true`/`false`, `null` or array literal, already converted to its value.
    case literal(AttributeValue)
    /// A reference: the context field it starts in and the steps to follow from there (the scope's root name,
    /// `task`/`worker`/`workers`, is already consumed; in `.attributes` scope every step is kept).
    case reference(ReferenceRoot, [ReferenceStep])

    /// The operand's value in `context`: the literal, or the referenced value, `.null` when any step cannot be
    /// followed (missing key, index out of range, step into a scalar; docs/taskrouter-fidelity.md, Expressions).
    ///
    /// O(steps), one dictionary lookup per key step; allocates nothing.
    func resolve(in context: ExpressionContext) -> AttributeValue {
        switch self {
        case .literal(let value):
            return value
        case .reference(let root, let steps):
            var current: AttributeValue
            switch root {
            case .attributes: current = context.attributes
            case .task: current = context.task
            case .worker: current = context.worker
            case .workers: current = context.workers
            }
            for position in steps.indices {
                switch steps[position] {
                case .key(let key):
                    guard case .object(let members) = current else { return .null }
                    current = members[key] ?? .null
                case .index(let index):
                    guard case .array(let elements) = current, index < elements.count else { return .null }
                    current = elements[index]
                }
            }
            return current
        }
    }

    /// The literal value, or `nil` for a reference; used for constant folding.
    var literalValue: AttributeValue? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// The root this operand reads, or `nil` for a literal.
    var root: ReferenceRoot? {
        if case .reference(let root, _) = self { return root }
        return nil
    }
}
