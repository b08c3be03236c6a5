import ArgumentParser
import Foundation
import RouteSim
import RouteSimReport
import RouteSimScenario

/// `routesim fit HISTORY.csv`: a scenario fitted from a contact center's history of calls, and
/// a report of every estimate with its uncertainty.
struct FitCommand: ParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a scenario from a history of calls (CSV, one row a call, or TaskRouter's events) and report every estimate with its 95 % CI.",
        discussion: """
            Per stream (queue): arrivals per interval of the day averaged over the days (and per day of the \
            week, written as variants, when the history has 3 or more of each) and the day-to-day multiplier; \
            handle time and wrap-up (lognormal, gamma, exponential by maximum likelihood, chosen \
            by AIC); patience by censored maximum likelihood (answered callers only show that their patience \
            exceeded their wait), with the Kaplan-Meier estimate and the naive one beside it; from TaskRouter's \
            events, the agents' answer (reject and time-out shares, answer delay). Writes a scenario \
            that routesim validate accepts and routesim run runs; --html adds charts of the fits (docs/fit.md).
            """
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Fit the shipped history; the scenario goes to results/calls-fitted.yaml, ready for routesim run",
         "routesim fit scenarios/history/calls.csv"),
        ("The same with a page of charts, at 15-minute intervals, on Paris time",
         "routesim fit scenarios/history/calls.csv --interval 15m --timezone Europe/Paris --html results/calls-fit.html"),
        ("A file in the Anonymous Bank layout (times of day beside a date, outcome AGENT/HANG/PHANTOM)",
         "routesim fit bank.csv --map arrived_at=vru_exit --map answered_at=ser_start --map ended_at=ser_exit "
            + "--map hung_up_at=q_exit --map queue=type --map agent=server"),
    ]

    @Argument(help: "The history: a CSV file, one row a call, or TaskRouter's events as JSON (docs/fit.md).")
    var history: String

    @Option(name: .customLong("map"), help: "NAME=COLUMN: read column NAME (arrived_at, queue, answered_at, ...) from the file's COLUMN (repeatable).")
    var mappings: [String] = []

    @Option(help: "The length of an interval of the day, e.g. 30m or 15m.")
    var interval = "30m"

    @Option(help: "The center's time zone (times without an offset are on it; days and intervals follow it), e.g. Europe/Paris or +01:00.")
    var timezone = "UTC"

    @Option(help: "Write handle time and wrap-up as an empirical distribution of at most this many quantiles (1-500) instead of a family.")
    var empirical: Int?

    @Option(help: "The scenario's name (default: the history's file name).")
    var name: String?

    @Option(help: "Where to write the scenario (default: results/<name>-fitted.yaml).")
    var out: String?

    @Option(help: "Also write an HTML page with the fits against the data (CDFs, Kaplan-Meier, arrivals) to this file.")
    var html: String?

    func validate() throws {
        if let empirical, !(1...500).contains(empirical) {
            throw ValidationError("--empirical: expected a number of quantiles from 1 to 500, found \(empirical)")
        }
    }

    func run() throws {
        let pairs = try mappings.map { text throws(CallHistoryErrors) in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
                throw CallHistoryErrors(errors: [CallHistoryError(source: "--map", message: "expected NAME=COLUMN, found \"\(text)\"")])
            }
            return (name: String(text[..<equals]), column: String(text[text.index(after: equals)...]))
        }
        let seconds = try CallHistoryReader.interval(interval)
        let calls = try CallHistoryReader.read(path: history, mapping: pairs, timeZone: timezone)
        let fit = HistoryFitter.fit(calls.calls, streams: calls.streams, interval: seconds)
        let base = URL(fileURLWithPath: history).deletingPathExtension().lastPathComponent
        let scenarioName = name ?? base
        let scenario = FittedScenario(
            fit, name: scenarioName, source: URL(fileURLWithPath: history).lastPathComponent,
            empiricalQuantiles: empirical, firstDate: calls.firstDate, reservations: calls.reservations)
        let path = out ?? "results/\(scenarioName)-fitted.yaml"
        let report = FitReport(history: history, calls: calls, fit: fit, scenario: scenario, path: path).render()
        try Self.write(scenario.text, to: path)
        if let html {
            try Self.write(FitHTMLReport(history: history, text: report, fit: fit).render(), to: html)
        }
        print(report, terminator: "")
    }

    /// Writes `text` to `path`, making its folder.
    private static func write(_ text: String, to path: String) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportError(problem: "cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}
