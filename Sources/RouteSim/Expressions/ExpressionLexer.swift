/// Splits an expression's source into tokens (docs/taskrouter-fidelity.md, Expressions).
///
/// Lexical choices:
/// - Operators are read longest first, so `x<-3` is `x IN 3` and `x>-3` is `x HAS 3`, as an ANTLR lexer would
///   read them [inf]; write `x < -3` (with a space) to compare with a negative number.
/// - Identifiers start with a letter (Unicode letters accepted [inf]) or `_`, then letters, ASCII digits, `_`, `$`.
///   A hyphen is not part of one: `skill-level` lexes as `skill`, an invalid `-`, `level` (docs/taskrouter-fidelity.md, Expressions).
/// - A reference is an identifier followed, without spaces, by `.identifier` and `[digits]` steps. After a dot any
///   identifier is a key, keywords included (`task.in`); a bare keyword never starts a reference.
/// - Keywords (`AND`, `OR`, `NOT`, `IN`, `HAS`, `CONTAINS`, `true`, `false`, `null`) are case-insensitive [inf].
/// - Numbers are `-`? digits (`.` digits)?; a `-` not followed by a digit is an invalid token.
/// - Strings use `"` or `'`; `\"`, `\'`, `\\` escape; any other backslash is kept as written with the character
///   after it [inf].
/// - Characters that start no token become `.invalid` tokens, so the parser reports them with context.
struct ExpressionLexer {
    /// The source, one element per `Character`, so indexes are columns minus one.
    private let characters: [Character]
    /// The source as given, for errors.
    private let source: String

    /// A lexer over `source`.
    init(source: String) {
        self.source = source
        self.characters = Array(source)
    }

    /// All tokens of the source, ending with one `.end` token.
    ///
    /// Throws for an unterminated string (at its opening quote) and for a dot not followed by a key.
    func tokenize() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            let kind: ExpressionTokenKind
            switch character {
            case "(": kind = .leftParen; index += 1
            case ")": kind = .rightParen; index += 1
            case "[": kind = .leftBracket; index += 1
            case "]": kind = .rightBracket; index += 1
            case ",": kind = .comma; index += 1
            case "=":
                kind = .comparison(.equal)
                index += next(after: index) == "=" ? 2 : 1
            case "!":
                if next(after: index) == "=" {
                    kind = .comparison(.notEqual)
                    index += 2
                } else {
                    kind = .invalid
                    index += 1
                }
            case "<":
                switch next(after: index) {
                case "=": kind = .comparison(.lessOrEqual); index += 2
                case "-": kind = .comparison(.in); index += 2
                case ">": kind = .unsupportedNotEqual; index += 2
                default: kind = .comparison(.less); index += 1
                }
            case ">":
                switch next(after: index) {
                case "=": kind = .comparison(.greaterOrEqual); index += 2
                case "-": kind = .comparison(.has); index += 2
                default: kind = .comparison(.greater); index += 1
                }
            case "\"", "'":
                kind = try lexString(at: &index)
            case "-":
                if let following = next(after: index), Self.isDigit(following) {
                    kind = lexNumber(at: &index)
                } else {
                    kind = .invalid
                    index += 1
                }
            default:
                if Self.isDigit(character) {
                    kind = lexNumber(at: &index)
                } else if Self.isIdentifierStart(character) {
                    kind = try lexWord(at: &index)
                } else {
                    kind = .invalid
                    index += 1
                }
            }
            tokens.append(ExpressionToken(kind: kind, text: String(characters[start..<index]), column: start + 1))
        }
        tokens.append(ExpressionToken(kind: .end, text: "", column: characters.count + 1))
        return tokens
    }

    /// The character after `index`, or `nil` at the end.
    private func next(after index: Int) -> Character? {
        index + 1 < characters.count ? characters[index + 1] : nil
    }

    /// Lexes the string literal whose opening quote is at `index`, leaving `index` after the closing quote.
    private func lexString(at index: inout Int) throws(ExpressionError) -> ExpressionTokenKind {
        let quote = characters[index]
        let start = index
        var value = ""
        index += 1
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                index += 1
                return .literal(.string(value))
            }
            if character == "\\", let escaped = next(after: index) {
                if escaped == "\"" || escaped == "'" || escaped == "\\" {
                    value.append(escaped)
                } else {
                    value.append(character)
                    value.append(escaped)
                }
                index += 2
            } else {
                value.append(character)
                index += 1
            }
        }
        throw ExpressionError(message: "unterminated string", column: start + 1, source: source)
    }

    /// Lexes the number starting at `index` (an optional `-` then a digit), leaving `index` after it.
    private func lexNumber(at index: inout Int) -> ExpressionTokenKind {
        let start = index
        if characters[index] == "-" { index += 1 }
        while index < characters.count, Self.isDigit(characters[index]) { index += 1 }
        if index < characters.count, characters[index] == ".", let following = next(after: index),
           Self.isDigit(following) {
            index += 1
            while index < characters.count, Self.isDigit(characters[index]) { index += 1 }
        }
        return .literal(.number(Double(String(characters[start..<index])) ?? 0))
    }

    /// Lexes a keyword, or a reference with its steps, starting at `index`, leaving `index` after it.
    private func lexWord(at index: inout Int) throws(ExpressionError) -> ExpressionTokenKind {
        let word = lexIdentifier(at: &index)
        switch word.uppercased() {
        case "AND": return .and
        case "OR": return .or
        case "NOT": return .not
        case "IN": return .comparison(.in)
        case "HAS": return .comparison(.has)
        case "CONTAINS": return .comparison(.contains)
        case "TRUE": return .literal(.bool(true))
        case "FALSE": return .literal(.bool(false))
        case "NULL": return .literal(.null)
        default: break
        }
        var steps: [ReferenceStep] = [.key(word)]
        while index < characters.count {
            if characters[index] == "." {
                guard let following = next(after: index), Self.isIdentifierStart(following) else {
                    let column = index + 2
                    let found = column <= characters.count ? ", found \"\(characters[index + 1])\"" : ""
                    throw ExpressionError(message: "expected a key after \".\"\(found)", column: column, source: source)
                }
                index += 1
                steps.append(.key(lexIdentifier(at: &index)))
            } else if characters[index] == "[", let step = arrayIndex(at: &index) {
                steps.append(step)
            } else {
                break
            }
        }
        return .reference(steps)
    }

    /// Reads the identifier starting at `index` (whose first character is known to be valid).
    private func lexIdentifier(at index: inout Int) -> String {
        let start = index
        index += 1
        while index < characters.count, Self.isIdentifierContinuation(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    /// Reads `[digits]` at `index` as an index step and moves past it; leaves `index` alone and returns `nil` when
    /// the text there is not exactly that. An index too large for `Int` becomes `Int.max` (always out of range).
    private func arrayIndex(at index: inout Int) -> ReferenceStep? {
        var end = index + 1
        while end < characters.count, Self.isDigit(characters[end]) { end += 1 }
        guard end > index + 1, end < characters.count, characters[end] == "]" else { return nil }
        let value = Int(String(characters[(index + 1)..<end])) ?? Int.max
        index = end + 1
        return .index(value)
    }

    /// Whether `character` is an ASCII digit.
    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// Whether `character` may start an identifier: a letter or `_`.
    private static func isIdentifierStart(_ character: Character) -> Bool {
        character.isLetter || character == "_"
    }

    /// Whether `character` may continue an identifier: a letter, an ASCII digit, `_` or `$`.
    private static func isIdentifierContinuation(_ character: Character) -> Bool {
        isIdentifierStart(character) || isDigit(character) || character == "$"
    }
}
