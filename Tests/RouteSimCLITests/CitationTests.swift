import Foundation
import Testing

/// What the documents and comments point a reader to exists: the paths they cite and the
/// types docs/architecture.md names as owners, so that moving or renaming code cannot leave
/// them pointing at nothing.
@Suite struct CitationTests {
    /// Every path into `Sources/`, `Tests/` or `docs/` written in a tracked text file, with
    /// the file that writes it.
    static func citedPaths() throws -> [(file: String, path: String)] {
        // Built from parts, so that this file does not cite a path itself.
        let folders = ["Sources", "Tests", "docs"].joined(separator: "|")
        let pattern = try NSRegularExpression(pattern: "(?<![A-Za-z0-9_./-])(?:\(folders))/[A-Za-z0-9_+./-]*[A-Za-z0-9_]")
        return try DocumentationTests.textFiles().flatMap { file in
            let text = file.text as NSString
            return pattern.matches(in: file.text, range: NSRange(location: 0, length: text.length)).map {
                (file.path, text.substring(with: $0.range))
            }
        }
    }

    @Test func everyCitedPathExists() throws {
        let cited = try Self.citedPaths()
        #expect(cited.count > 20)
        for (file, path) in cited {
            let exists = FileManager.default.fileExists(atPath: CommandRunner.repository.appendingPathComponent(path).path)
            #expect(exists, "\(file) cites \(path), which the repository does not have")
        }
    }

    /// The types and files docs/architecture.md names in backquotes (`ResultSchema`,
    /// `SimulationSpec.makeWorkers()`, `TaskReason+Ordinal`): each is declared in Sources/ or
    /// is a file there.
    @Test func architectureNamesOnlyTypesThatExist() throws {
        let files = try DocumentationTests.textFiles()
        let architecture = try #require(files.first { $0.path == "docs/architecture.md" }?.text)
        let sources = files.filter { $0.path.hasPrefix("Sources/") }
        let fileNames = Set(sources.map { ($0.path as NSString).lastPathComponent })
        let code = sources.map(\.text).joined(separator: "\n") as NSString
        let declaration = try NSRegularExpression(pattern: "\\b(?:struct|enum|class|protocol|extension) +([A-Za-z0-9_]+)")
        let declared = Set(declaration.matches(in: code as String, range: NSRange(location: 0, length: code.length)).map {
            code.substring(with: $0.range(at: 1))
        })
        let quoted = try NSRegularExpression(pattern: "`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(\\+[A-Za-z]+)?[^`/*]*`")
        let text = architecture as NSString
        let names = quoted.matches(in: architecture, range: NSRange(location: 0, length: text.length)).map { match in
            (type: text.substring(with: match.range(at: 1)),
             file: match.range(at: 2).location == NSNotFound ? nil : text.substring(with: match.range(at: 1)) + text.substring(with: match.range(at: 2)))
        }
        #expect(names.count > 30)
        for name in names {
            if let file = name.file {
                let exists = fileNames.contains(file + ".swift")
                #expect(exists, "docs/architecture.md names \(file), which is no file in Sources/")
            } else {
                let exists = declared.contains(name.type)
                #expect(exists, "docs/architecture.md names \(name.type), which Sources/ does not declare")
            }
        }
    }
}
