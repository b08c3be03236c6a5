import ArgumentParser
import RouteSimStore

/// `routesim merge PART.sqlite... --out FILE`: the parts of an experiment run with `--part I/N`
/// joined into the file the whole experiment would have written.
struct MergeCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the part files of one experiment (batch, compare or sweep run with --part I/N) into one results file.",
        discussion: """
            The merged file holds, table by table and row by row, what the experiment run whole with \
            --jobs 1 writes, but for the wall-clock columns and the command line (docs/scale-out.md). \
            Merge refuses, writing nothing: an --out that exists, parts of different experiments, a part \
            given twice or missing (unless --partial, which says what is missing), a part that did not \
            finish, and files of another results schema or routesim version. The file is written \
            beside --out under a hidden name and renamed once complete.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("The two parts of a sweep (each run with --part 1/2 and --part 2/2, anywhere) joined into one file",
         "routesim merge results/part1.sqlite results/part2.sqlite --out results/erlang-c-sweep.sqlite"),
        ("The parts at hand of four, saying which runs are missing",
         "routesim merge results/part1.sqlite results/part3.sqlite --partial --out results/erlang-c-sweep-some.sqlite"),
    ]

    @Argument(help: "The part files, in any order.")
    var parts: [String]

    @Option(help: "The merged results file to write; it must not exist.")
    var out: String

    @Flag(help: "Merge the parts given even if some are missing, saying which.")
    var partial = false

    func run() throws {
        let outcome = try PartMerge.merge(parts, into: out, partial: partial, version: RouteSimVersion.current)
        if !outcome.missing.isEmpty {
            StandardError.say("--partial: missing \(PartMerge.describe(outcome.missing)); \(out) holds the other runs")
        }
        let whole = outcome.parts.first?.planRuns ?? 0
        print("merge: \(outcome.parts.count.counted("part")), \(outcome.runs) of \(whole.counted("run")) -> \(out)")
    }
}
