/// The file-level checks a CSV reader makes before its rows, and the cut of a long list of
/// problems: one wording for a trace and for a call history.
enum CSVChecks {
    /// At most this many problems are reported per file, then how many more there were.
    static let maxProblems = 20

    /// The problem of a quoted field that starts on `line` and is never closed.
    static func unclosedQuote(line: Int) -> String {
        "the quoted field that starts on line \(line) is never closed"
    }

    /// The problems of `header`'s names: a column without a name, a name given twice.
    static func headerNames(_ header: [String]) -> [String] {
        header.enumerated().compactMap { c, name in
            if name.isEmpty { return "column \(c + 1) of the header has no name" }
            return header[..<c].contains(name) ? "column \"\(name)\" is given twice" : nil
        }
    }

    /// The problem of a `header` without the required column `name`.
    static func missingColumn(_ name: String, in header: [String]) -> String {
        "expected a column \"\(name)\" in the header (the first line), found: "
            + (header.isEmpty ? "nothing" : header.joined(separator: ", "))
    }

    /// The first ``maxProblems`` of `problems`, then `more` of a line counting the rest.
    static func cut<Problem>(_ problems: [Problem], more: (String) -> Problem) -> [Problem] {
        guard problems.count > maxProblems else { return problems }
        return problems.prefix(maxProblems) + [more("\(problems.count - maxProblems) more problems not shown")]
    }
}
