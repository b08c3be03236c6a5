import ArgumentParser
import Foundation

/// The `routesim` command: simulate a contact center routed by Twilio TaskRouter.
///
/// Errors that are the user's (a bad scenario, an unwritable file) conform to
/// ``UserFacingError`` and are printed here, one line per problem, with exit code 1;
/// argument errors are ArgumentParser's.
@main
struct RouteSimCommand: AsyncParsableCommand, CommandExamples {
    static let configuration = CommandConfiguration(
        commandName: "routesim",
        abstract: "A discrete-event simulator of a contact center routed by Twilio TaskRouter.",
        version: RouteSimVersion.current,
        subcommands: [
            RunCommand.self, BatchCommand.self, CompareCommand.self, SweepCommand.self, StaffCommand.self,
            MergeCommand.self, ReportCommand.self, ExportCommand.self, SelftestCommand.self, ValidateCommand.self, StatsCommand.self,
            FitCommand.self, ServeCommand.self,
        ]
    )

    static let examples: [(purpose: String, command: String)] = [
        ("Simulate the quickstart day; the rows go to results/quickstart.sqlite", "routesim run scenarios/quickstart.yaml"),
        ("Read it: KPIs with confidence intervals, and a page of charts",
         "routesim report results/quickstart.sqlite --html results/quickstart.html"),
        ("Check the engine against Erlang C, Erlang A and the multitasking extremes", "routesim selftest"),
    ]

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            _ = try HelpRequest.command(arguments)  // refuses `help NAME` when NAME is no command
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any UserFacingError {
            for line in error.problems {
                FileHandle.standardError.write(Data("routesim: error: \(line)\n".utf8))
            }
            Self.exit(withError: ExitCode(error.exitCode))
        } catch {
            // Help asked for: ArgumentParser's, then the command's worked examples.
            if exitCode(for: error) == .success, let topic = try? HelpRequest.command(arguments) {
                print(fullMessage(for: error).trimmingCharacters(in: .newlines) + "\n\n" + HelpRequest.examples(of: topic))
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}
