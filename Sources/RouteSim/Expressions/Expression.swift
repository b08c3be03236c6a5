/// A parsed and compiled TaskRouter expression (docs/taskrouter-fidelity.md, Expressions): parse once, evaluate many times.
///
/// Parsing resolves aliases, splits references into steps, converts literals and array literals to values and
/// folds constant comparisons and AND/OR, so `evaluate` only walks a small tree and allocates nothing.
/// Equality and hashing use `source` only (the scope is not compared), as the routing engine expects.
public struct Expression: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The expression text exactly as given to `parse`.
    public let source: String
    /// The scope the expression was parsed in; it decided which references were accepted.
    public let scope: ExpressionScope
    /// The context fields the compiled expression reads; empty when it folded to a constant. References removed by
    /// folding (`1==2 AND task.x == 1`) are not counted.
    public let referencedRoots: Set<ReferenceRoot>
    /// The compiled tree.
    private let node: ExpressionNode

    /// `1==1`, the always-true expression (catch-all filter, "everyone" queue, unconditional `skip_if`); true in
    /// every scope. Its scope is `.attributes`.
    public static let always = Expression(source: "1==1", scope: .attributes, node: .constant(true))

    /// Parses and compiles `source` for use in `scope`.
    ///
    /// O(length of source). Throws `ExpressionError` (column in `Character`s) for an empty or malformed expression,
    /// a hyphenated key, an unterminated string, unbalanced parentheses, standalone `NOT` / `NOT HAS` /
    /// `NOT CONTAINS` / `<>` (docs/taskrouter-fidelity.md, Expressions), or a reference the scope does not allow.
    public static func parse(_ source: String, scope: ExpressionScope) throws(ExpressionError) -> Expression {
        let tokens = try ExpressionLexer(source: source).tokenize()
        var parser = ExpressionParser(tokens: tokens, scope: scope, source: source)
        return Expression(source: source, scope: scope, node: try parser.parse())
    }

    /// An expression over an already compiled node.
    private init(source: String, scope: ExpressionScope, node: ExpressionNode) {
        var roots: Set<ReferenceRoot> = []
        node.collectRoots(into: &roots)
        self.source = source
        self.scope = scope
        self.node = node
        self.referencedRoots = roots
    }

    /// Whether the expression holds in `context`.
    ///
    /// Reads only the context field(s) of its scope; AND/OR short-circuit left to right. Cost is one dictionary
    /// lookup per reference step plus the comparisons; allocates nothing. Semantics per operator: see
    /// `ExpressionOperator` (missing keys are null, type mismatches are false).
    public func evaluate(_ context: ExpressionContext) -> Bool {
        node.evaluate(context)
    }

    /// Whether the expression is true whatever the context (`1==1`, `1==1 OR x == 2`, `"a" IN ["a"]`), so the
    /// engine can skip evaluating it. Decided at parse time by constant folding of literal-only comparisons and
    /// AND/OR; a tautology that goes through references is not detected.
    public var isAlwaysTrue: Bool {
        node == .constant(true)
    }

    /// Whether evaluation reads `ExpressionContext.task` (a `task.` reference in `.taskAndWorker` scope).
    public var readsTask: Bool {
        referencedRoots.contains(.task)
    }

    /// Whether evaluation reads `ExpressionContext.worker` (a `worker.` reference in `.taskAndWorker` scope).
    public var readsWorker: Bool {
        referencedRoots.contains(.worker)
    }

    /// The top-level keys of `root` that evaluation reads (`task.lang` and `task.lang.code`
    /// both read `lang`); nil when it reads `root` whole. Two contexts that agree on these
    /// keys give the same answer, which is how the engine interns task attribute sets.
    /// O(size of the expression).
    public func keys(readFrom root: ReferenceRoot) -> Set<String>? {
        var keys: Set<String> = []
        return node.collectKeys(from: root, into: &keys) ? keys : nil
    }

    /// The source text.
    public var description: String {
        source
    }

    /// Equal when the sources are equal (scope and compiled form are not compared).
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.source == rhs.source
    }

    /// Hashes the source only, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
