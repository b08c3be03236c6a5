import Foundation
import Testing

/// The repository's documents stand alone and say what the code does: they cite only files
/// the repository has, name every option, and list every command that takes `--set`.
@Suite struct DocumentationTests {
    /// The tracked text a reader gets: sources, tests, documents, scenarios, scripts, notebooks.
    static func textFiles() throws -> [(path: String, text: String)] {
        let root = CommandRunner.repository
        var files: [(String, String)] = []
        for top in ["Sources", "Tests", "README.md", "docs", "scenarios", "scripts", "notebooks"] {
            let url = root.appendingPathComponent(top)
            var paths = [url]
            if let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) {
                paths += enumerator.compactMap { $0 as? URL }
            }
            for path in paths where (try? path.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                guard let data = FileManager.default.contents(atPath: path.path),
                      let text = String(data: data, encoding: .utf8) else { continue }
                files.append((String(path.path.dropFirst(root.path.count + 1)), text))
            }
        }
        return files
    }

    /// All of README.md and docs/*.md.
    static func documents() throws -> String {
        try textFiles().filter { $0.path == "README.md" || $0.path.hasPrefix("docs/") }.map(\.text).joined(separator: "\n")
    }

    @Test func nothingCitesAFileTheRepositoryDoesNotHave() throws {
        // Built from parts, so that this file does not cite them itself.
        let names = ["VALIDATION", "TASKROUTER", "DESIGN", "TWIN" + "-NOTES", "SWIFT" + "-NOTES"].map { $0 + ".md" }
            + ["../" + "shared/", "/work/" + "shared"]
        let files = try Self.textFiles()
        #expect(files.count > 100)
        for file in files {
            for name in names where file.text.contains(name) {
                Issue.record("\(file.path) cites \(name)")
            }
        }
    }

    @Test func everyOptionIsDocumented() throws {
        let runner = try CommandRunner()
        let documents = try Self.documents()
        for command in try HelpTests.subcommands(runner) {
            let help = try runner.run(command, "--help").stdout
            let options = Set(help.split(separator: "\n").compactMap { line -> String? in
                guard let match = line.range(of: #"^  (-[a-z], )?--[a-z-]+"#, options: .regularExpression) else { return nil }
                return String(line[match].split(separator: " ").last ?? "")
            }).subtracting(["--help", "--version"])
            #expect(!options.isEmpty, "\(command)")
            for option in options.sorted() where documents.range(of: option + "(?![a-z-])", options: .regularExpression) == nil {
                Issue.record("routesim \(command) \(option) is in no document (README.md, docs/)")
            }
        }
    }

    @Test func scenarioDocumentNamesEveryCommandThatTakesSet() throws {
        let runner = try CommandRunner()
        let scenario = try #require(try Self.textFiles().first { $0.path == "docs/scenario.md" }?.text)
        let overrides = try #require(scenario.components(separatedBy: "## 4. Overrides").last?.components(separatedBy: "\n\n").dropFirst().first)
        for command in try HelpTests.subcommands(runner) where try runner.run(command, "--help").stdout.contains("--set <set>") {
            #expect(overrides.contains("`\(command)`"), "docs/scenario.md §4 does not say that \(command) takes --set: \(overrides)")
        }
    }

    @Test func readmeTellsTheQuickstartLunchAsTheScenarioHasIt() throws {
        let files = try Self.textFiles()
        let readme = try #require(files.first { $0.path == "README.md" }?.text)
        let quickstart = try #require(files.first { $0.path == "scenarios/quickstart.yaml" }?.text)
        #expect(quickstart.contains("breaks: [{at: 3.5h, length: 30m, activity: Lunch}]"))
        #expect(quickstart.contains("breaks: [{at: 4h, length: 30m, activity: Lunch}]"))
        #expect(readme.contains("from 3.5 h to 4 h and the other half from 4 h to 4.5 h"))
        #expect(!readme.contains("lunch waves overlap"))
    }
}
