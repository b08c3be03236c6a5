import ArgumentParser
import Foundation

/// The `routesim` command: simulate a contact center routed by Twilio TaskRouter.
///
/// Errors that are the user's (a bad scenario, an unwritable file) conform to
/// ``UserFacingError`` and are printed here, one line per problem, with exit code 1;
/// argument errors are ArgumentParser's.
@main
struct RouteSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routesim",
        abstract: "A discrete-event simulator of a contact center routed by Twilio TaskRouter.",
        version: RouteSimVersion.current,
        subcommands: [
            RunCommand.self, BatchCommand.self, CompareCommand.self, SweepCommand.self, StaffCommand.self,
            ReportCommand.self, ExportCommand.self, SelftestCommand.self, ValidateCommand.self, StatsCommand.self,
        ]
    )

    static func main() async {
        do {
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
            exit(withError: error)
        }
    }
}
