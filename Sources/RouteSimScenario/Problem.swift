/// One thing wrong with a scenario, before it is placed in a file: the only place where
/// problems become the words a user reads.
enum Problem: Sendable, Equatable {
    /// The scenario file cannot be read.
    case unreadableFile(reason: String)
    /// The file (or an override's value) is not valid YAML or JSON.
    case syntax(YAMLSyntaxError)
    /// A string holding JSON (a workflow configuration, attributes) does not parse; positions
    /// in the error are inside the string.
    case embeddedSyntax(YAMLSyntaxError)
    /// A value of the wrong type or out of range.
    case expected(String, found: String)
    /// A map key that is not part of the format.
    case unknownKey(String, expected: [String])
    /// A required key is absent; `reason` says why when it is not always required.
    case missingKey(String, reason: String?)
    /// A reference to a resource that does not exist.
    case unknownName(kind: String, name: String, expected: [String])
    /// A name given twice where names must be unique.
    case duplicateName(kind: String, name: String)
    /// Two keys that cannot be given together.
    case exclusive([String])
    /// None of the keys of which exactly one is needed.
    case needsOneOf([String])
    /// An expression that does not parse; `parameter` is what TaskRouter calls it
    /// (`TargetWorkers`, or `filter`, `target`, `skip_if` in a workflow configuration).
    case badExpression(parameter: String, message: String, column: Int, source: String)
    /// A number outside the range TaskRouter allows for `parameter` (`MaxReservedWorkers`).
    case outOfRange(parameter: String, range: ClosedRange<Int>, found: String)
    /// A scenario section that is also imported by `taskrouter:` (`line` of the import's path).
    case importConflict(section: String, line: Int?)
    /// A file named under `taskrouter:` cannot be read.
    case unreadableImport(path: String, reason: String)
    /// A file named under `taskrouter:` is not valid JSON.
    case importSyntax(YAMLSyntaxError)
    /// The last file of an imported list is a page after which the API has more.
    case notLastPage(resource: String)
    /// A scenario key that applies only when `taskrouter:` imports workers.
    case needsWorkerImport(key: String)
    /// A trace file named by an arrival stream's `trace` cannot be read.
    case unreadableTrace(path: String, reason: String)
    /// A problem inside a trace file: in data row `row` (1-based, the header not counted)
    /// starting at `line`, or in the file as a whole when both are nil.
    case badTrace(file: String, row: Int?, line: Int?, message: String)
    /// Distribution parameters the distribution refuses.
    case badDistribution(String)
    /// An arrival stream without `workflow` in a workspace that has not exactly one.
    case workflowRequired(workflowCount: Int)
    /// A default that names an activity the workspace does not have.
    case missingDefaultActivity(key: String, name: String, expected: [String])
    /// A key whose default is "an available activity" when none is available.
    case noAvailableActivity(key: String)
    /// An override path segment that addresses nothing.
    case unknownOverridePath(segment: String, parent: String, expected: [String])
    /// An override path that goes on below a scalar.
    case overrideBelowScalar(segment: String, parent: String, found: String)
    /// An override that is not `KEY=VALUE`.
    case malformedOverride(String)
    /// Warning: no worker has capacity on the channel an arrival stream's tasks (or some of a
    /// trace's rows) come on.
    case noCapacity(channel: String, rows: Bool)
    /// Warning: no worker group with workers matches a queue's `target_workers`.
    case noMembers(queue: String, expression: String)
    /// Warning: no arrival stream's tasks reach a workflow filter (`filter "NAME"` or `filters[i]`).
    case unreachableFilter(filter: String)
    /// Warning: a workflow target (an index) follows one that never lets a task go.
    case unreachableTarget(filter: String, target: Int)
    /// Warning: every row of a trace is at or after the horizon.
    case traceAfterHorizon(file: String, first: Double, horizon: Double)

    /// The message, without location or key path.
    var message: String {
        switch self {
        case .unreadableFile(let reason):
            return "cannot read the scenario file: \(reason)"
        case .syntax(let error):
            return (error.isLimit ? "" : "invalid YAML: ") + Self.syntax(error, of: "")
        case .embeddedSyntax(let error):
            return (error.isLimit ? "in the string: " : "invalid JSON in the string: ") + Self.syntax(error, of: " of the string")
        case .expected(let expected, let found):
            return "expected \(expected), found \(found)"
        case .unknownKey(let key, let expected):
            return "unknown key \(Self.quote(key)); expected one of: \(Self.list(expected))"
        case .missingKey(let key, let reason):
            return "missing required key \(Self.quote(key))" + (reason.map { " (\($0))" } ?? "")
        case .unknownName(let kind, let name, let expected):
            return "unknown \(kind) \(Self.quote(name)); expected one of: \(Self.list(expected))"
        case .duplicateName(let kind, let name):
            return "duplicate \(kind) \(Self.quote(name)); names must be unique"
        case .exclusive(let keys):
            return "give only one of " + keys.map(Self.quote).joined(separator: ", ") + ", not several"
        case .needsOneOf(let keys):
            return "expected one of the keys " + keys.map(Self.quote).joined(separator: ", ") + ", found none"
        case .badExpression(let parameter, let message, let column, let source):
            return "Invalid \(parameter) expression at column \(column): \(message), in \(Self.quote(source))"
        case .outOfRange(let parameter, let range, let found):
            return "\(parameter) must be between \(range.lowerBound) and \(range.upperBound), found \(found)"
        case .importConflict(let section, let line):
            let place = "taskrouter.\(section)" + (line.map { " (line \($0))" } ?? "")
            return "\(Self.quote(section)) is given here and imported by \(place); give one of them, not both"
        case .unreadableImport(let path, let reason):
            return "cannot read the imported file \(Self.quote(path)): \(reason)"
        case .importSyntax(let error):
            return (error.isLimit ? "" : "invalid JSON: ") + Self.syntax(error, of: "")
        case .notLastPage(let resource):
            return "meta.next_page_url is set: the API has more \(resource) after this page; export every page "
                + "(PageSize up to 1000) and list the files in order under taskrouter"
        case .needsWorkerImport(let key):
            return "\(key) applies only to workers imported with taskrouter.workers, and there are none"
        case .unreadableTrace(let path, let reason):
            return "cannot read the trace file \(Self.quote(path)): \(reason)"
        case .badTrace(let file, let row, let line, let message):
            let place = row.map { " row \($0)" + (line.map { " (line \($0))" } ?? "") } ?? ""
            return "trace \(Self.quote(file))\(place): \(message)"
        case .badDistribution(let message):
            return "invalid distribution: \(message)"
        case .workflowRequired(let count):
            return "workflow is required when the workspace has \(count) workflows"
        case .missingDefaultActivity(let key, let name, let expected):
            return "\(key) defaults to \(Self.quote(name)), which is not an activity of the workspace; "
                + "set \(key) to one of: \(Self.list(expected))"
        case .noAvailableActivity(let key):
            return "\(key) is required here: no activity has available: true to default to"
        case .unknownOverridePath(let segment, let parent, let expected):
            let place = parent.isEmpty ? "at the top level" : "in \(parent)"
            return "cannot find \(Self.quote(segment)) \(place); expected one of: \(Self.list(expected))"
        case .overrideBelowScalar(let segment, let parent, let found):
            return "cannot set \(Self.quote(segment)) inside \(parent), which is \(found), not a map or a list"
        case .malformedOverride(let text):
            return "expected KEY=VALUE (KEY a dotted path such as workers.english.count), found \(Self.quote(text))"
        case .noCapacity(let channel, let rows):
            return "no worker has capacity on task channel \(Self.quote(channel)), so every task "
                + (rows ? "of the trace's rows on it" : "of this stream")
                + " waits until its caller hangs up or its TTL ends"
        case .noMembers(let queue, let expression):
            return "no worker group with workers matches target_workers \(Self.quote(expression)) of queue "
                + "\(Self.quote(queue)), so tasks sent to it are never reserved"
        case .unreachableFilter(let filter):
            return "no arrival stream's tasks reach \(filter) (each matches an earlier filter or not this one), "
                + "so its targets are never used"
        case .unreachableTarget(let filter, let target):
            return "targets[\(target)] of \(filter) is never reached: targets[\(target - 1)] has neither timeout "
                + "nor skip_if, so tasks stay there"
        case .traceAfterHorizon(let file, let first, let horizon):
            let hint = first / 1000 < horizon ? "; are its times in milliseconds? They are read as seconds" : ""
            return "every row of trace \(Self.quote(file)) is at or after the horizon (\(NumberSyntax.format(horizon)) s), "
                + "the first at \(NumberSyntax.format(first)) s, so no caller of it arrives\(hint)"
        }
    }

    /// The note added to a message whose position is inside a string that could not be
    /// matched to the file.
    static func insideString(line: Int, column: Int) -> String {
        " (at line \(line), column \(column) of the string)"
    }

    /// The parser's words, with where the construct it was reading starts.
    private static func syntax(_ error: YAMLSyntaxError, of frame: String) -> String {
        guard let context = error.context else { return error.message }
        guard let line = error.contextLine, let column = error.contextColumn else {
            return error.message + " (\(context))"
        }
        return error.message + " (\(context) that starts at line \(line), column \(column)\(frame))"
    }

    private static func quote(_ text: String) -> String {
        "\"" + text + "\""
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "(nothing)" : items.joined(separator: ", ")
    }
}
