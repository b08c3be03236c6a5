import GRDB

/// Lets a read connection see a file of an older schema as if it had the current one,
/// without changing the file: a read command must not upgrade it.
///
/// The current schema is built in memory from ``ResultSchema/migrator``; every table the
/// file lacks becomes an empty temporary view, and every table that lacks columns a
/// temporary view of the file's table with those columns NULL (what the migrations that
/// added them leave in older rows). Temporary objects live in the connection's own temporary
/// database and hide the file's tables of the same name from unqualified queries.
enum OlderSchema {
    /// Creates the temporary views on `db`, the connection to a routesim results file whose
    /// migrations are not all applied; does nothing for a file of the current schema.
    static func adapt(_ db: Database) throws {
        let migrator = ResultSchema.migrator
        guard try !migrator.hasCompletedMigrations(db) else { return }
        let current = try DatabaseQueue()
        try migrator.migrate(current)
        let tables = try current.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name <> 'grdb_migrations' ORDER BY name
                """).map { name in (name, try db.columns(in: name).map(\.name)) }
        }
        for (table, columns) in tables {
            let existing = try db.tableExists(table, in: "main") ? Set(try db.columns(in: table, in: "main").map(\.name)) : nil
            let view = "temp." + table.quotedDatabaseIdentifier
            let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            if let existing {
                guard !existing.isSuperset(of: columns) else { continue }
                let values = columns.map { existing.contains($0) ? "t." + $0.quotedDatabaseIdentifier : "NULL" }
                try db.execute(sql: """
                    CREATE VIEW \(view) (\(list)) AS SELECT \(values.joined(separator: ", ")) FROM main.\(table.quotedDatabaseIdentifier) t
                    """)
            } else {
                let values = Array(repeating: "NULL", count: columns.count).joined(separator: ", ")
                try db.execute(sql: "CREATE VIEW \(view) (\(list)) AS SELECT \(values) WHERE 0")
            }
        }
    }
}
