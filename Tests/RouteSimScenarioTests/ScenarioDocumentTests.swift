import Foundation
import RouteSimScenario
import Testing

/// docs/scenario.md's worked error example is what the loader says for its file.
struct ScenarioDocumentTests {
    /// The repository's docs/scenario.md.
    static func scenarioDocument() throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/scenario.md"), encoding: .utf8)
    }

    /// The contents of the first fenced block after `marker` in `text`.
    static func block(after marker: String, in text: String) throws -> String {
        let rest = try #require(text.range(of: marker).map { text[$0.upperBound...] })
        let opening = try #require(rest.range(of: "```"))
        let body = rest[opening.upperBound...].drop { $0 != "\n" }.dropFirst()
        let closing = try #require(body.range(of: "```"))
        return String(body[..<closing.lowerBound])
    }

    @Test func errorExampleIsWhatTheLoaderSays() throws {
        let document = try Self.scenarioDocument()
        let file = try Self.block(after: "Examples, taken from the test suite", in: document)
        let expected = try Self.block(after: "gives all five problems in one run:", in: document)
        let errors = Fixtures.errors(file)
        #expect(errors.map(\.description) == expected.split(separator: "\n").map(String.init))
    }
}
