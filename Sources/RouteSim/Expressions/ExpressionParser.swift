/// Recursive-descent parser from tokens to a compiled, constant-folded `ExpressionNode` (docs/taskrouter-fidelity.md, Expressions).
///
/// Grammar: `or := and { OR and }`, `and := unary { AND unary }`, `unary := "(" or ")" | comparison`,
/// `comparison := operand operator operand`, `operand := literal | reference | "[" [literal { "," literal }] "]"`.
/// AND binds tighter than OR. Array elements are literals only (no references, no nested arrays), as in the
/// documented grammar. Standalone `NOT`, `NOT HAS`, `NOT CONTAINS` and `<>` are rejected (docs/taskrouter-fidelity.md, Expressions).
/// Every error names what was expected, the token it followed and what was found (nothing, at the end).
struct ExpressionParser {
    /// The tokens, ending with `.end`.
    private let tokens: [ExpressionToken]
    /// The scope, which decides which references are allowed and where they resolve.
    private let scope: ExpressionScope
    /// The source, for errors.
    private let source: String
    /// Index of the current token.
    private var position = 0
    /// How many parentheses are open at `position`.
    private var depth = 0

    /// How deep parentheses may nest: parsing and evaluating recurse once per level, and a
    /// server's threads have small stacks.
    static let deepestNesting = 100

    /// The operator list quoted in "expected an operator" errors.
    private static let operators = "an operator (==, !=, <, >, <=, >=, IN, NOT IN, HAS, CONTAINS)"
    /// What may start an array element.
    private static let arrayElement = "a string, number, true, false or null"

    /// A parser over `tokens` (as produced by `ExpressionLexer` for `source`) in `scope`.
    init(tokens: [ExpressionToken], scope: ExpressionScope, source: String) {
        self.tokens = tokens
        self.scope = scope
        self.source = source
    }

    /// Parses the whole token list; an empty or blank source (error at column 1), and anything left after a complete
    /// expression, are errors.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        if current.kind == .end {
            throw ExpressionError(message: "empty expression", column: 1, source: source)
        }
        let node = try parseOr()
        switch current.kind {
        case .end:
            return node
        case .rightParen:
            throw ExpressionError(message: "unexpected \")\"", column: current.column, source: source)
        default:
            throw failure(expected: "AND, OR or the end of the expression", after: previous)
        }
    }

    /// The token at `position`.
    private var current: ExpressionToken { tokens[position] }

    /// The token before `position` (only read when `position > 0`).
    private var previous: ExpressionToken { tokens[position - 1] }

    /// Moves to the next token; never past `.end`.
    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// `or := and { OR and }`.
    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        var operands = [try parseAnd()]
        while current.kind == .or {
            advance()
            operands.append(try parseAnd())
        }
        return .disjunction(operands)
    }

    /// `and := unary { AND unary }`.
    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        var operands = [try parseUnary()]
        while current.kind == .and {
            advance()
            operands.append(try parseUnary())
        }
        return .conjunction(operands)
    }

    /// `unary := "(" or ")" | comparison`.
    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        let after = position > 0 ? previous : nil
        switch token.kind {
        case .leftParen:
            guard depth < Self.deepestNesting else {
                throw ExpressionError(
                    message: "parentheses nested deeper than \(Self.deepestNesting) levels", column: token.column, source: source)
            }
            depth += 1
            defer { depth -= 1 }
            advance()
            let inner = try parseOr()
            if current.kind == .rightParen {
                advance()
                return inner
            }
            if current.kind == .end {
                throw failure(expected: "\")\" to close the \"(\" at column \(token.column)", after: nil)
            }
            throw failure(expected: "AND, OR or \")\"", after: previous)
        case .literal, .reference, .leftBracket:
            return try parseComparison()
        case .not:
            throw failure(
                expected: "a comparison or \"(\"", after: after,
                note: "standalone NOT is not supported; only NOT IN is")
        default:
            throw failure(expected: "a comparison or \"(\"", after: after)
        }
    }

    /// `comparison := operand operator operand`; folds to a constant when both operands are literals.
    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let lhs = try parseOperand()
        let op = try parseOperator()
        switch current.kind {
        case .literal, .reference, .leftBracket:
            let rhs = try parseOperand()
            return .comparing(lhs, op, rhs)
        default:
            throw failure(expected: "a value", after: previous)
        }
    }

    /// One comparison operator, `NOT IN` included; aliases resolved by the lexer.
    private mutating func parseOperator() throws(ExpressionError) -> ExpressionOperator {
        switch current.kind {
        case .comparison(let op):
            advance()
            return op
        case .not:
            advance()
            if current.kind == .comparison(.in), current.text.uppercased() == "IN" {
                advance()
                return .notIn
            }
            throw failure(
                expected: "IN", after: previous,
                note: "only NOT IN is supported; NOT HAS, NOT CONTAINS and standalone NOT are not")
        case .unsupportedNotEqual:
            throw failure(expected: Self.operators, after: previous, note: "use != for inequality")
        default:
            throw failure(expected: Self.operators, after: previous)
        }
    }

    /// `operand := literal | reference | array`; the current token is known to start one.
    private mutating func parseOperand() throws(ExpressionError) -> ExpressionOperand {
        let token = current
        switch token.kind {
        case .literal(let value):
            advance()
            return .literal(value)
        case .reference(let steps):
            let operand = try scoped(steps, token: token)
            advance()
            return operand
        default:
            return try parseArray()
        }
    }

    /// `array := "[" [literal { "," literal }] "]"`, at a `[`.
    private mutating func parseArray() throws(ExpressionError) -> ExpressionOperand {
        let open = current
        advance()
        var elements: [AttributeValue] = []
        if current.kind == .rightBracket {
            advance()
            return .literal(.array(elements))
        }
        while true {
            guard case .literal(let value) = current.kind else {
                throw failure(expected: Self.arrayElement, after: previous)
            }
            elements.append(value)
            advance()
            switch current.kind {
            case .comma:
                advance()
            case .rightBracket:
                advance()
                return .literal(.array(elements))
            case .end:
                throw failure(expected: "\"]\" to close the \"[\" at column \(open.column)", after: nil)
            default:
                throw failure(expected: "\",\" or \"]\"", after: previous)
            }
        }
    }

    /// The operand for a reference's `steps` in this parser's scope, or the scope's error at `token`.
    private func scoped(_ steps: [ReferenceStep], token: ExpressionToken) throws(ExpressionError) -> ExpressionOperand {
        switch scope {
        case .attributes:
            return .reference(.attributes, steps)
        case .taskAndWorker:
            if steps.count >= 2, case .key = steps[1] {
                if steps[0] == .key("task") { return .reference(.task, Array(steps.dropFirst())) }
                if steps[0] == .key("worker") { return .reference(.worker, Array(steps.dropFirst())) }
            }
            throw ExpressionError(
                message: "references in a workflow target expression must start with task. or worker., "
                    + "found \(token.quoted)",
                column: token.column, source: source)
        case .workerCounts:
            if steps.count >= 2, steps[0] == .key("workers"), case .key = steps[1] {
                return .reference(.workers, Array(steps.dropFirst()))
            }
            throw ExpressionError(
                message: "references in skip_if must start with workers., found \(token.quoted)",
                column: token.column, source: source)
        }
    }

    /// An error at the current token: `expected <expected>[ after <after>][, found <current>][ (<note>)]`, the
    /// found part omitted at the end of the source.
    private func failure(expected: String, after: ExpressionToken?, note: String? = nil) -> ExpressionError {
        var message = "expected \(expected)"
        if let after { message += " after \(after.quoted)" }
        if current.kind != .end { message += ", found \(current.quoted)" }
        if let note { message += " (\(note))" }
        return ExpressionError(message: message, column: current.column, source: source)
    }
}
