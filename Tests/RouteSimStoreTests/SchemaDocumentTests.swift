import Foundation
import GRDB
import RouteSimStore
import Testing

/// docs/schema.md describes every column of every table of a fresh results file, in that
/// table's own section.
struct SchemaDocumentTests {
    /// The repository's docs/schema.md, found from this file.
    static func schemaDocument() throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("docs/schema.md")
            if FileManager.default.fileExists(atPath: candidate.path) { return try String(contentsOf: candidate, encoding: .utf8) }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// The columns a section's tables name (the first cell of each row, in backquotes), and
    /// whether it refers to the shared KPI columns. Only rows of a Markdown table count: a
    /// header, a delimiter row, then rows with no blank line between (rows after a blank line
    /// render as text, not as the table).
    static func documentedColumns(_ section: String) -> (columns: Set<String>, kpis: Bool) {
        var columns = Set<String>()
        var kpis = false
        for block in section.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            guard lines.count > 2, lines.allSatisfy({ $0.hasPrefix("|") }),
                  lines[1].range(of: #"^\|[-| :]+\|$"#, options: .regularExpression) != nil else { continue }
            for line in lines.dropFirst(2) {
                let cell = line.dropFirst(1).prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
                if cell == "KPI columns" { kpis = true }
                if cell.hasPrefix("`"), cell.hasSuffix("`") { columns.insert(String(cell.dropFirst().dropLast())) }
            }
        }
        return (columns, kpis)
    }

    @Test func everyColumnIsDocumentedInItsTablesSection() throws {
        let document = try Self.schemaDocument()
        let sections = Dictionary(
            document.components(separatedBy: "\n## ").dropFirst().map { section -> (String, String) in
                let title = section.prefix { $0 != "\n" }.trimmingCharacters(in: CharacterSet(charactersIn: "` "))
                return (title, section)
            }, uniquingKeysWith: { first, _ in first })
        let kpiColumns = Self.documentedColumns(try #require(sections["KPI columns"])).columns
        let path = StoreFixture.scratchFolder().appendingPathExtension("sqlite").path
        _ = try ResultStore(path: path)
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
                .map { table in (table, try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])) }
        }
        #expect(tables.count >= 9, "\(tables.map(\.0))")
        for (table, columns) in tables {
            guard let section = sections[table] else {
                Issue.record("docs/schema.md has no section for table \(table)")
                continue
            }
            let documented = Self.documentedColumns(section)
            for column in columns where !documented.columns.contains(column) && !(documented.kpis && kpiColumns.contains(column)) {
                Issue.record("docs/schema.md, section \(table): column \(column) is not described")
            }
        }
    }
}
