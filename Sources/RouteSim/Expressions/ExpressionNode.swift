/// The compiled form of an expression: a tree of AND/OR over comparisons, constants folded away.
indirect enum ExpressionNode: Sendable, Hashable {
    /// A value known at parse time (`1==1`, `"a" IN ["a"]`, or an AND/OR decided by its constant operands).
    case constant(Bool)
    /// A comparison reading at least one reference.
    case comparison(ExpressionComparison)
    /// AND of two or more non-constant nodes, none itself an `.all` (chains are flattened).
    case all([ExpressionNode])
    /// OR of two or more non-constant nodes, none itself an `.any` (chains are flattened).
    case any([ExpressionNode])

    /// The node's truth value in `context`; AND and OR short-circuit left to right; allocates nothing.
    func evaluate(_ context: ExpressionContext) -> Bool {
        switch self {
        case .constant(let value):
            return value
        case .comparison(let comparison):
            return comparison.evaluate(context)
        case .all(let nodes):
            for node in nodes where !node.evaluate(context) {
                return false
            }
            return true
        case .any(let nodes):
            for node in nodes where node.evaluate(context) {
                return true
            }
            return false
        }
    }

    /// A comparison node, folded to `.constant` when both operands are literals.
    static func comparing(
        _ lhs: ExpressionOperand, _ op: ExpressionOperator, _ rhs: ExpressionOperand
    ) -> ExpressionNode {
        if let left = lhs.literalValue, let right = rhs.literalValue {
            return .constant(op.apply(left, right))
        }
        return .comparison(ExpressionComparison(lhs: lhs, op: op, rhs: rhs))
    }

    /// The AND of `operands`: constant `true` operands dropped, nested ANDs flattened, `false` if any is `false`,
    /// `true` if none remain, the single remaining operand unwrapped.
    static func conjunction(_ operands: [ExpressionNode]) -> ExpressionNode {
        var kept: [ExpressionNode] = []
        for operand in operands {
            switch operand {
            case .constant(true): continue
            case .constant(false): return .constant(false)
            case .all(let nested): kept.append(contentsOf: nested)
            case .comparison, .any: kept.append(operand)
            }
        }
        switch kept.count {
        case 0: return .constant(true)
        case 1: return kept[0]
        default: return .all(kept)
        }
    }

    /// The OR of `operands`: constant `false` operands dropped, nested ORs flattened, `true` if any is `true`,
    /// `false` if none remain, the single remaining operand unwrapped.
    static func disjunction(_ operands: [ExpressionNode]) -> ExpressionNode {
        var kept: [ExpressionNode] = []
        for operand in operands {
            switch operand {
            case .constant(false): continue
            case .constant(true): return .constant(true)
            case .any(let nested): kept.append(contentsOf: nested)
            case .comparison, .all: kept.append(operand)
            }
        }
        switch kept.count {
        case 0: return .constant(false)
        case 1: return kept[0]
        default: return .any(kept)
        }
    }

    /// Adds the roots of every reference in this node to `roots`.
    func collectRoots(into roots: inout Set<ReferenceRoot>) {
        switch self {
        case .constant:
            break
        case .comparison(let comparison):
            if let root = comparison.lhs.root { roots.insert(root) }
            if let root = comparison.rhs.root { roots.insert(root) }
        case .all(let nodes), .any(let nodes):
            for node in nodes { node.collectRoots(into: &roots) }
        }
    }

    /// Adds to `keys` the first key of every reference from `root`; false when some
    /// reference reads `root` whole (no key step first).
    func collectKeys(from root: ReferenceRoot, into keys: inout Set<String>) -> Bool {
        switch self {
        case .constant:
            return true
        case .comparison(let comparison):
            for operand in [comparison.lhs, comparison.rhs] {
                guard case .reference(root, let steps) = operand else { continue }
                guard case .key(let key)? = steps.first else { return false }
                keys.insert(key)
            }
            return true
        case .all(let nodes), .any(let nodes):
            return nodes.allSatisfy { $0.collectKeys(from: root, into: &keys) }
        }
    }
}
