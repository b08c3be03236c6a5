import ArgumentParser
import Foundation
import RouteSim

/// `routesim selftest`: runs the cases of docs/validation.md through the engine and checks that each
/// known value lies in the confidence interval of the replication means, all quantities
/// together at 95 % unless asked (``ValidationDecision``): whatever the seed, a correct engine
/// fails at most once in 20 seeds.
///
/// Replications of every case run concurrently (one task each); the output does not
/// depend on their order. Progress goes to stderr only when it is a terminal.
struct SelftestCommand: AsyncParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Check the engine against Erlang C, Erlang A and the multitasking extremes (cases E1-E4).",
        discussion: """
            E1 and E2 are Erlang C centers (10 and 48 Erlangs), E3 Erlang A with patience equal to \
            the handle time (exactly M/M/infinity), E4 one agent with up to three chats at the two \
            extremes of the multitasking slowdown. Each known value must lie in its confidence \
            interval; docs/validation.md in the repository describes the cases and the decision.
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Every case, ten replications each, seed 1",
         "routesim selftest"),
        ("Erlang C only, with more replications and another seed",
         "routesim selftest --case E1 --replications 20 --seed 3"),
        ("The verdicts for scripts",
         "routesim selftest --case E3 --case E4 --json"),
    ]

    @Option(help: "Independent replications per case (at least 2).")
    var replications = 10

    @Option(parsing: .unconditional, help: "The experiment seed (default: 1); every case's random streams derive from it and the replication.",
            transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(help: """
        The confidence of the printed intervals and of the decision: the least chance that a correct engine \
        passes all quantities together (each is checked at a higher confidence, Bonferroni).
        """)
    var confidence = 0.95

    @Option(name: .customLong("case"), help: "Run only this case (E1, E2, E3 or E4); repeat for several. Default: all.")
    var cases: [String] = []

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard replications >= 2 else {
            throw ValidationError("--replications must be at least 2 (a confidence interval needs two), found \(replications)")
        }
        let known = Self.caseIDs
        for id in cases where !known.contains(id) {
            throw ValidationError("unknown case \"\(id)\" for --case; expected one of: \(known.joined(separator: ", "))")
        }
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must lie strictly between 0 and 1, e.g. 0.95, found \(confidence)")
        }
    }

    func run() async throws {
        let cases = ValidationCase.standard.filter { self.cases.isEmpty || self.cases.contains($0.id) }
        let start = ContinuousClock.now
        let samples = await Self.measure(
            cases, replications: replications, seed: seed, showProgress: isatty(STDERR_FILENO) != 0)
        let elapsed = ContinuousClock.now - start
        let report = SelftestReport(
            cases: cases, estimates: zip(cases, samples).map { $0.estimates(from: $1, confidence: confidence) },
            confidence: confidence,
            replications: replications, seed: seed,
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        print(json ? report.json() : report.text())
        let failed = report.failures
        guard failed.isEmpty else {
            throw SelftestFailure(failed: failed, total: report.quantityCount, decision: report.decision)
        }
    }

    /// The ids of the standard cases, in order, each once.
    private static var caseIDs: [String] {
        ValidationCase.standard.map(\.id).reduce(into: []) { ids, id in if !ids.contains(id) { ids.append(id) } }
    }

    /// Per case, per replication, the value of each quantity.
    private static func measure(
        _ cases: [ValidationCase], replications: Int, seed: UInt64, showProgress: Bool
    ) async -> [[[Double]]] {
        var samples = cases.map { _ in Array(repeating: [Double](), count: replications) }
        let total = cases.count * replications
        await withTaskGroup(of: (Int, Int, [Double]).self) { group in
            for replication in 0..<replications {
                for (c, validation) in cases.enumerated() {
                    group.addTask { (c, replication, validation.measure(replication: replication, seed: seed)) }
                }
            }
            var done = 0
            for await (c, replication, values) in group {
                samples[c][replication] = values
                done += 1
                if showProgress {
                    FileHandle.standardError.write(Data("\rselftest: \(done)/\(total) runs".utf8))
                }
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        return samples
    }
}
