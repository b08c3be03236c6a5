import Foundation
import Testing

/// The help a user reads: every command's ends with worked examples, each default is said
/// once, and a question about a command that does not exist is an error.
@Suite struct HelpTests {
    /// The subcommands the top-level help lists.
    static func subcommands(_ runner: CommandRunner) throws -> [String] {
        let help = try runner.run("--help").stdout
        let section = try #require(help.components(separatedBy: "SUBCOMMANDS:\n").last?.components(separatedBy: "\n\n").first)
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    /// The example command lines that end `help`, nil when it does not end with an
    /// `EXAMPLES:` section.
    static func examples(endingHelp help: String) -> [String]? {
        guard let range = help.range(of: "\nEXAMPLES:\n", options: .backwards) else { return nil }
        let lines = help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: true)
        // After the heading: "  What it does:" then "    routesim ..." pairs, and nothing else.
        guard lines.count.isMultiple(of: 2),
              stride(from: 0, to: lines.count, by: 2).allSatisfy({ lines[$0].hasPrefix("  ") && lines[$0].hasSuffix(":") }),
              stride(from: 1, to: lines.count, by: 2).allSatisfy({ lines[$0].hasPrefix("    routesim ") })
        else { return nil }
        return stride(from: 1, to: lines.count, by: 2).map { lines[$0].trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyCommandsHelpEndsWithWorkedExamples() throws {
        let runner = try CommandRunner()
        let names = try Self.subcommands(runner)
        #expect(names.count >= 10, "\(names)")
        let top = try runner.run("--help")
        #expect(top.status == 0)
        #expect((Self.examples(endingHelp: top.stdout)?.count ?? 0) >= 2, "\(top.stdout)")
        for name in names {
            for arguments in [[name, "--help"], ["help", name], [name, "-h"]] {
                let output = try runner.run(arguments)
                #expect(output.status == 0, "\(arguments)")
                let examples = Self.examples(endingHelp: output.stdout)
                #expect(examples != nil, "routesim \(arguments.joined(separator: " ")) does not end with examples:\n\(output.stdout)")
                #expect((2...3).contains(examples?.count ?? 0), "\(arguments)")
                #expect(examples?.allSatisfy { ($0 + " ").hasPrefix("routesim \(name) ") } == true, "\(examples ?? [])")
            }
        }
    }

    @Test func everyDefaultIsSaidOnce() throws {
        let runner = try CommandRunner()
        for name in try Self.subcommands(runner) {
            let help = try runner.run(name, "--help").stdout
            let options = try #require(help.components(separatedBy: "OPTIONS:\n").last?.components(separatedBy: "\nEXAMPLES:").first)
            // One entry per option: a line starting with "  -" and its indented continuation.
            var entries: [String] = []
            for line in options.split(separator: "\n") {
                if line.hasPrefix("  -") { entries.append(String(line)) } else if !entries.isEmpty { entries[entries.count - 1] += " " + line }
            }
            for entry in entries {
                let defaults = entry.components(separatedBy: "default").count - 1
                #expect(defaults <= 1, "routesim \(name) --help: \(entry)")
            }
        }
    }

    @Test func helpOfAnUnknownCommandFails() throws {
        let runner = try CommandRunner()
        let output = try runner.run("help", "nosuch")
        #expect(output.status != 0)
        #expect(output.stderr.contains(#"there is no command "nosuch""#), "\(output.stderr)")
        #expect(output.stderr.contains("run, batch"), "\(output.stderr)")
        #expect(!output.stdout.contains("SUBCOMMANDS"))
    }
}
