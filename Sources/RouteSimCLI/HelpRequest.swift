import ArgumentParser

/// Which command's help the arguments ask for: `routesim help [COMMAND]`,
/// `routesim [COMMAND] --help` or `-h`.
enum HelpRequest {
    /// The subcommands, by name.
    static var commands: [any ParsableCommand.Type] { RouteSimCommand.configuration.subcommands }

    /// The command whose help `arguments` (without the program's name) ask for: a subcommand,
    /// or ``RouteSimCommand`` for the top-level help; nil when they ask for no help.
    ///
    /// Throws for `help NAME` when NAME is no command: ArgumentParser would print the top-level
    /// help and exit 0, as if the question had an answer.
    static func command(_ arguments: [String]) throws -> (any ParsableCommand.Type)? {
        if arguments.first == "help" {
            guard arguments.count > 1 else { return RouteSimCommand.self }
            guard let command = Self.command(named: arguments[1]) else {
                throw ValidationError(
                    "help \(arguments[1]): there is no command \"\(arguments[1])\"; expected one of "
                        + commands.map { $0.configuration.commandName ?? "" }.joined(separator: ", "))
            }
            return command
        }
        guard arguments.contains(where: { $0 == "--help" || $0 == "-h" }) else { return nil }
        return arguments.first.flatMap(Self.command(named:)) ?? RouteSimCommand.self
    }

    /// The subcommand called `name`, nil when there is none.
    private static func command(named name: String) -> (any ParsableCommand.Type)? {
        commands.first { $0.configuration.commandName ?? "" == name }
    }

    /// `command`'s examples section, empty when it has none.
    static func examples(of command: any ParsableCommand.Type) -> String {
        (command as? any CommandExamples.Type)?.examplesSection ?? ""
    }
}
