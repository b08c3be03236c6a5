/// A command whose help ends with worked examples.
///
/// ArgumentParser prints a configuration's `discussion` under OVERVIEW, above the usage and
/// the options; the examples come after the options instead (``HelpRequest``), where a reader
/// who has gone through the options looks for them.
protocol CommandExamples {
    /// What each example does, and the command line, run from the repository's folder.
    static var examples: [(purpose: String, command: String)] { get }
}

extension CommandExamples {
    /// The `EXAMPLES:` section: each purpose, then its command indented below it.
    static var examplesSection: String {
        "EXAMPLES:\n" + examples.map { "  \($0.purpose):\n    \($0.command)" }.joined(separator: "\n\n")
    }
}
