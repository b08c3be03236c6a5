import RouteSim
import Testing

/// Parse errors: exact column (1-based, in characters) and message.
@Suite struct ExpressionErrorTests {
    static let operators = "an operator (==, !=, <, >, <=, >=, IN, NOT IN, HAS, CONTAINS)"

    static func failure(_ source: String, scope: ExpressionScope = .attributes) -> ExpressionError? {
        do {
            _ = try Expression.parse(source, scope: scope)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("skill-level > 3", 6, "expected \(operators) after \"skill\", found \"-\""),
        ("language == \"en\" AND skill-level > 3", 27, "expected \(operators) after \"skill\", found \"-\""),
        ("skill_level > 3 AND x-y == 1", 22, "expected \(operators) after \"x\", found \"-\""),
    ])
    func hyphenatedKey(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("\"abc == 1", 1),
        ("name == 'abc", 9),
        ("name == \"abc\\\"", 9),
        ("name == 'it\\'s", 9),
        ("x IN [\"a\", \"b]", 12),
    ])
    func unterminatedString(source: String, column: Int) {
        #expect(Self.failure(source) == ExpressionError(message: "unterminated string", column: column, source: source))
    }

    @Test(arguments: [
        ("a ==", 5, "expected a value after \"==\""),
        ("a == ", 6, "expected a value after \"==\""),
        ("a == AND b == 1", 6, "expected a value after \"==\", found \"AND\""),
        ("a == )", 6, "expected a value after \"==\", found \")\""),
        ("a IN", 5, "expected a value after \"IN\""),
        ("a NOT IN", 9, "expected a value after \"IN\""),
        ("a", 2, "expected \(operators) after \"a\""),
        ("== 1", 1, "expected a comparison or \"(\", found \"==\""),
        ("a == 1 AND", 11, "expected a comparison or \"(\" after \"AND\""),
        ("a == 1 OR OR b == 1", 11, "expected a comparison or \"(\" after \"OR\", found \"OR\""),
        ("a == 1 AND ) ", 12, "expected a comparison or \"(\" after \"AND\", found \")\""),
        ("a == 1 AND true", 16, "expected \(operators) after \"true\""),
        ("a. == 1", 3, "expected a key after \".\", found \" \""),
        ("a.", 3, "expected a key after \".\""),
        ("a == $", 6, "expected a value after \"==\", found \"$\""),
        ("a ! b", 3, "expected \(operators) after \"a\", found \"!\""),
    ])
    func missingOperandOrOperator(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("(a == 1", 8, "expected \")\" to close the \"(\" at column 1"),
        ("((a == 1) OR b == 2", 20, "expected \")\" to close the \"(\" at column 1"),
        ("(a == 1 b", 9, "expected AND, OR or \")\" after \"1\", found \"b\""),
        ("a == 1)", 7, "unexpected \")\""),
        ("(a == 1) OR (b == 2))", 21, "unexpected \")\""),
        ("()", 2, "expected a comparison or \"(\" after \"(\", found \")\""),
        ("(", 2, "expected a comparison or \"(\" after \"(\""),
        (")", 1, "expected a comparison or \"(\", found \")\""),
    ])
    func unbalancedParentheses(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("x IN [1, 2", 11, "expected \"]\" to close the \"[\" at column 6"),
        ("x IN [1, y]", 10, "expected a string, number, true, false or null after \",\", found \"y\""),
        ("x IN [1,]", 9, "expected a string, number, true, false or null after \",\", found \"]\""),
        ("x IN [[1]]", 7, "expected a string, number, true, false or null after \"[\", found \"[\""),
        ("x IN [1 2]", 9, "expected \",\" or \"]\" after \"1\", found \"2\""),
    ])
    func malformedArray(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("language == \"en\"", 1, "\"language\""),
        ("task.language == language", 18, "\"language\""),
        ("worker.languages HAS task", 22, "\"task\""),
        ("task[0] == 1", 1, "\"task[0]\""),
        ("Task.language == 'en'", 1, "\"Task.language\""),
        ("workers.available == 0", 1, "\"workers.available\""),
    ])
    func referenceOutsideTaskAndWorker(source: String, column: Int, found: String) {
        let message = "references in a workflow target expression must start with task. or worker., found \(found)"
        #expect(
            Self.failure(source, scope: .taskAndWorker)
                == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("available == 0", 1, "\"available\""),
        ("workers.available == 0 OR worker.available == 0", 27, "\"worker.available\""),
        ("workers == 0", 1, "\"workers\""),
    ])
    func referenceOutsideWorkerCounts(source: String, column: Int, found: String) {
        let message = "references in skip_if must start with workers., found \(found)"
        #expect(
            Self.failure(source, scope: .workerCounts)
                == ExpressionError(message: message, column: column, source: source))
    }

    static let standaloneNot = "standalone NOT is not supported; only NOT IN is"
    static let onlyNotIn = "only NOT IN is supported; NOT HAS, NOT CONTAINS and standalone NOT are not"

    @Test(arguments: [
        ("NOT a == 1", 1, "expected a comparison or \"(\", found \"NOT\" (\(standaloneNot))"),
        ("a == 1 AND not (b == 2)", 12,
         "expected a comparison or \"(\" after \"AND\", found \"not\" (\(standaloneNot))"),
        ("skills NOT HAS \"x\"", 12,
         "expected IN after \"NOT\", found \"HAS\" (\(onlyNotIn))"),
        ("name NOT CONTAINS \"x\"", 10,
         "expected IN after \"NOT\", found \"CONTAINS\" (\(onlyNotIn))"),
        ("name NOT <- [\"x\"]", 10,
         "expected IN after \"NOT\", found \"<-\" (\(onlyNotIn))"),
        ("a <> 1", 3, "expected \(operators) after \"a\", found \"<>\" (use != for inequality)"),
    ])
    func unsupportedNegations(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: [
        ("a == 1 b", 8, "expected AND, OR or the end of the expression after \"1\", found \"b\""),
        ("a == 1 AND b == 2 3", 19, "expected AND, OR or the end of the expression after \"2\", found \"3\""),
        ("a == 'x' 'y'", 10, "expected AND, OR or the end of the expression after \"'x'\", found \"'y'\""),
        ("a == \"x\" -", 10, "expected AND, OR or the end of the expression after '\"x\"', found \"-\""),
        ("a == 1 == 2", 8, "expected AND, OR or the end of the expression after \"1\", found \"==\""),
        ("name == \"cafe\u{301}\" -", 16,
         "expected AND, OR or the end of the expression after '\"cafe\u{301}\"', found \"-\""),
    ])
    func trailingGarbage(source: String, column: Int, message: String) {
        #expect(Self.failure(source) == ExpressionError(message: message, column: column, source: source))
    }

    @Test(arguments: ["", " ", "\t\n  "])
    func emptyExpression(source: String) {
        #expect(Self.failure(source) == ExpressionError(message: "empty expression", column: 1, source: source))
    }

    @Test func descriptionPrefixesTheColumn() {
        let error = Self.failure("skill-level > 3")
        #expect(
            error?.description
                == "column 6: expected an operator (==, !=, <, >, <=, >=, IN, NOT IN, HAS, CONTAINS) after \"skill\", "
                + "found \"-\"")
        #expect(Self.failure("\"abc")?.description == "column 1: unterminated string")
        #expect(Self.failure("a ==")?.description == "column 5: expected a value after \"==\"")
        #expect(Self.failure("(a == 1) AND b == 2))")?.description == "column 20: unexpected \")\"")
        #expect(Self.failure("a == 1")?.description == nil)
    }

    @Test func parenthesesNestAtMostAHundredDeep() throws {
        let deepest = String(repeating: "(", count: 100) + "a == 1" + String(repeating: ")", count: 100)
        #expect(Self.failure(deepest) == nil)
        // Far deeper than a server thread's stack took before the limit: it is refused, not run.
        let deeper = String(repeating: "(", count: 5_000) + "a == 1" + String(repeating: ")", count: 5_000)
        #expect(Self.failure(deeper) == ExpressionError(message: "parentheses nested deeper than 100 levels", column: 101, source: deeper))
    }
}
