import RouteSim

/// A node of the scenario with its key path, and readers that turn it into typed values.
///
/// Every reader either returns the value or reports what was expected and what was found
/// and returns nil, so conversion goes on and every problem of the file is collected.
struct Field {
    /// The node read.
    let node: DocumentNode
    /// Its key path, as messages show it.
    let path: NodePath
    /// Where problems go.
    let diagnostics: Diagnostics

    /// Records `problem` at this node.
    func report(_ problem: Problem) {
        diagnostics.report(problem, at: node.location, path: path)
    }

    /// Records `problem` at this node as a warning.
    func warn(_ problem: Problem) {
        diagnostics.warn(problem, at: node.location, path: path)
    }

    /// The same node, shown under `name` instead of its list index (unless it was moved
    /// here and keeps the path it had where it was written).
    func named(_ name: String) -> Field {
        guard node.origin == nil else { return self }
        return Field(node: node, path: path.naming(name), diagnostics: diagnostics)
    }

    /// A field for `node` below this one, shown under `path` unless it was moved there
    /// from elsewhere (``DocumentNode/origin``).
    func child(_ node: DocumentNode, at path: NodePath) -> Field {
        Field(node: node, path: node.origin ?? path, diagnostics: diagnostics)
    }

    /// The same list item, shown under the name it gives under `key` (or, with nil, the
    /// name it is), when that is a non-empty scalar, so messages and overrides address it alike.
    func namedBy(_ key: String?) -> Field {
        let name = key.map { node[$0]?.scalar } ?? node.scalar
        guard let name, name.kind != .null, !name.text.trimmed.isEmpty else { return self }
        return named(name.text)
    }

    /// The node as a map with only `keys` allowed; unknown keys are reported, each at its key.
    func mapping(keys: [String]) -> FieldMap? {
        guard case .mapping(let entries) = node.content else {
            report(.expected("a map with keys " + keys.joined(separator: ", "), found: node.found))
            return nil
        }
        for entry in entries where !keys.contains(entry.key) {
            diagnostics.report(
                .unknownKey(entry.key, expected: keys), at: entry.keyLocation, path: path.appending(entry.key))
        }
        return FieldMap(field: self, entries: entries)
    }

    /// The node as a map whose keys are names chosen by the scenario (channels, variants).
    func entries(expected: String) -> [(key: String, field: Field)]? {
        guard case .mapping(let entries) = node.content else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return entries.map { ($0.key, child($0.value, at: path.appending($0.key))) }
    }

    /// The node as a list, each item under its index.
    func items(expected: String = "a list") -> [Field]? {
        guard case .sequence(let nodes) = node.content else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return nodes.enumerated().map { child($1, at: path.appending(index: $0)) }
    }

    /// The text of a non-null scalar, whatever its YAML type.
    func string(expected: String = "a string") -> String? {
        guard let scalar = node.scalar, scalar.kind != .null else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return scalar.text
    }

    /// A non-empty string; with `maxLength`, TaskRouter's limit on friendly names.
    func name(maxLength: Int? = nil) -> String? {
        guard let text = string(expected: "a name") else { return nil }
        if text.trimmed.isEmpty {
            report(.expected("a non-empty name", found: node.found))
            return nil
        }
        if let maxLength, text.count > maxLength {
            report(.expected("a name of at most \(maxLength) characters", found: "\(text.count) characters"))
            return nil
        }
        return text
    }

    /// `true` or `false`.
    func bool() -> Bool? {
        guard let scalar = node.scalar, scalar.kind == .bool else {
            report(.expected("true or false", found: node.found))
            return nil
        }
        return scalar.text.lowercased() == "true"
    }

    /// A finite number; numeric strings (`"10"`) count, as TaskRouter accepts them.
    func number(expected: String = "a number") -> Double? {
        guard let scalar = node.scalar, scalar.kind != .null, scalar.kind != .bool,
            let value = NumberSyntax.parse(scalar.text), value.isFinite
        else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return value
    }

    /// A number within `range`.
    func number(in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let value = number(expected: expected) else { return nil }
        guard range.contains(value) else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return value
    }

    /// A whole number within `range`; numeric strings count.
    func integer(in range: ClosedRange<Int>) -> Int? {
        let expected: String
        if range.upperBound == Int.max {
            expected = "an integer >= \(range.lowerBound)"
        } else {
            expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        }
        guard let value = wholeNumber(in: range) else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return value
    }

    /// A whole number within `range`, the limits TaskRouter sets on `parameter`
    /// (`MaxReservedWorkers`), refused in TaskRouter's words; numeric strings count.
    func integer(in range: ClosedRange<Int>, parameter: String) -> Int? {
        guard let value = wholeNumber(in: range) else {
            report(.outOfRange(parameter: parameter, range: range, found: node.found))
            return nil
        }
        return value
    }

    /// The node as a whole number within `range`, or nil (nothing reported). Compared as
    /// numbers before the conversion, which then cannot overflow.
    private func wholeNumber(in range: ClosedRange<Int>) -> Int? {
        guard let scalar = node.scalar, scalar.kind != .null, scalar.kind != .bool,
            let value = NumberSyntax.parse(scalar.text), value >= Double(range.lowerBound),
            value <= Double(range.upperBound), let whole = Int(exactly: value), range.contains(whole)
        else { return nil }
        return whole
    }

    /// A TaskRouter SID of the kind `prefix`: its two letters and 32 hex digits
    /// (TaskRouter's pattern `^WQ[0-9a-fA-F]{32}$`).
    func sid(_ prefix: SidPrefix) -> String? {
        let expected = "a \(prefix.rawValue) SID (\(prefix.rawValue) and 32 hex digits)"
        guard let text = string(expected: expected) else { return nil }
        guard text.count == SidGenerator.length, text.hasPrefix(prefix.rawValue), text.dropFirst(2).allSatisfy({ $0.isASCII && $0.isHexDigit })
        else {
            report(.expected(expected, found: node.found))
            return nil
        }
        return text
    }

    /// A probability, 0...1.
    func probability() -> Double? {
        number(in: 0...1, expected: "a probability from 0 to 1")
    }

    /// A duration in seconds (see ``DurationSyntax``): >= 0, or > 0 when `positive`, or at
    /// least `shortest`; at most ``ScenarioLimits/longestDuration`` or `longest`.
    func duration(positive: Bool = false, shortest: Double? = nil, longest: Double = ScenarioLimits.longestDuration)
        -> Double?
    {
        guard let scalar = node.scalar, scalar.kind != .null, scalar.kind != .bool,
            let seconds = DurationSyntax.seconds(scalar.text)
        else {
            report(.expected("a duration like 45s, 5m, 1.5h, 2d or 90 (seconds)", found: node.found))
            return nil
        }
        let low = shortest.map { ">= \(NumberSyntax.format($0)) s" } ?? (positive ? "> 0" : ">= 0")
        let fits = shortest.map { seconds >= $0 } ?? (positive ? seconds > 0 : seconds >= 0)
        guard fits, seconds <= longest else {
            report(.expected("a duration \(low) and at most \(DurationSyntax.describe(longest))", found: node.found))
            return nil
        }
        return seconds
    }

    /// A rate in events per second (see ``RateSyntax``), from 0 to ``ScenarioLimits/highestRate``.
    func rate() -> Double? {
        guard let scalar = node.scalar, scalar.kind != .null, let perSecond = RateSyntax.perSecond(scalar.text) else {
            report(.expected("a rate like 120/h (per s, m, h or d)", found: node.found))
            return nil
        }
        let most = ScenarioLimits.highestRate
        guard perSecond >= 0, perSecond <= most else {
            let limit = "\(NumberSyntax.format(most))/s (\(NumberSyntax.format(most * 3600))/h)"
            report(.expected("a rate >= 0 and at most " + limit, found: node.found))
            return nil
        }
        return perSecond
    }

    /// One of the raw values of `type` (TaskRouter's enums are case-sensitive).
    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> Value? where Value.RawValue == String {
        let options = Value.allCases.map(\.rawValue)
        guard let text = string(expected: "one of " + options.joined(separator: ", ")) else { return nil }
        guard let value = Value(rawValue: text) else {
            report(.expected("one of " + options.joined(separator: ", "), found: node.found))
            return nil
        }
        return value
    }

    /// A TaskRouter expression in `scope`, which TaskRouter calls `parameter` in messages
    /// (`TargetWorkers`, `filter`, ...). A parse error is placed at its column in the file
    /// when the string can be matched to the file, else at the string.
    func expression(_ scope: ExpressionScope, parameter: String) -> RouteSim.Expression? {
        guard let source = string(expected: "an expression string") else { return nil }
        do {
            return try RouteSim.Expression.parse(source, scope: scope)
        } catch {
            let location = diagnostics.fileLocation(inside: node, line: 1, column: error.column) ?? node.location
            diagnostics.report(
                .badExpression(parameter: parameter, message: error.message, column: error.column, source: error.source),
                at: location, path: path)
            return nil
        }
    }

    /// The document inside a string value holding JSON (or YAML) text, its nodes placed in
    /// the file where the string's lines can be matched, else inside the string.
    ///
    /// Returns this node unchanged when it is not a string.
    func parsedIfString() -> Field? {
        guard let scalar = node.scalar, scalar.kind == .string else { return self }
        let outer = node
        let parsed: DocumentNode?
        do {
            parsed = try DocumentComposer.compose(scalar.text) { line, column in
                locate(line: line, column: column, in: outer)
            }
        } catch {
            diagnostics.report(
                .embeddedSyntax(error), at: locate(line: error.line, column: error.column, in: outer), path: path)
            return nil
        }
        guard let parsed else {
            report(.expected("JSON text", found: "an empty string"))
            return nil
        }
        return Field(node: parsed, path: path, diagnostics: diagnostics)
    }

    /// Where `line`:`column` of the text of the string `outer` is, for nodes parsed from it.
    private func locate(line: Int, column: Int, in outer: DocumentNode) -> SourceLocation {
        if let inFile = diagnostics.fileLocation(inside: outer, line: line, column: column) {
            return inFile
        }
        switch outer.location {
        case .file(let path, let outerLine, let outerColumn):
            return .embedded(path, line: outerLine, column: outerColumn, innerLine: line, innerColumn: column)
        case .embedded, .override:
            return outer.location
        }
    }
}
