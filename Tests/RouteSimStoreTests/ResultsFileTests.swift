import Foundation
import GRDB
import RouteSim
@testable import RouteSimStore
import Testing

/// What opening a results file may change: a file that is not routesim's is refused as it
/// was, reading changes nothing, a closed file stands alone, a reader reads while a run is
/// written and a second writer says that it waits.
@Suite struct ResultsFileTests {
    /// A scratch folder, created.
    func folder() throws -> URL {
        let folder = StoreFixture.scratchFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The names in `folder`, sorted.
    func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// A results file with the fixture's run, closed; returns its path.
    func resultsFile(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("r.sqlite").path
        let store = try ResultStore(path: path)
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        return path
    }

    /// Another program's SQLite file (in rollback-journal mode, as SQLite makes them) and a
    /// text file are refused by the writer and the reader, byte for byte as they were and
    /// with nothing beside them.
    @Test func aFileThatIsNotRoutesimsIsRefusedUntouched() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in
            try db.execute(sql: "CREATE TABLE budget (item TEXT, amount REAL); INSERT INTO budget VALUES ('rent', 1200)")
        }
        let text = folder.appendingPathComponent("notes.sqlite").path
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        let before = try [other, text].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

        for path in [other, text] {
            let written = #expect(throws: StoreError.self) { try ResultStore(path: path) }
            #expect(written?.description.contains("\(path): not a routesim results file") == true, "\(String(describing: written))")
            let read = #expect(throws: StoreError.self) { try ResultStore(existing: path) }
            #expect(read?.description.contains("\(path): not a routesim results file") == true, "\(String(describing: read))")
        }
        #expect(try [other, text].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(try names(in: folder) == ["notes.sqlite", "other.sqlite"])
    }

    /// An empty file is a new results file.
    @Test func anEmptyFileIsTaken() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let store = try ResultStore(path: path)
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        #expect(try store.runCount() == 1)
    }

    /// A folder that takes no file is named with the reason, not SQLite's "unable to open
    /// database file". As root (which may write anywhere) the folder is one of `/sys`, where
    /// nobody may create a file.
    @Test func aFolderThatTakesNoFileIsNamed() throws {
        let folder = try folder()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let locked = getuid() == 0 ? URL(fileURLWithPath: "/sys") : folder
        if getuid() != 0 { chmod(folder.path, 0o555) }
        let path = locked.appendingPathComponent("results.sqlite").path
        let error = #expect(throws: StoreError.self) { try ResultStore(path: path) }
        #expect(error?.description == "cannot open \(path): cannot create a file in the folder \(locked.path): Permission denied")
    }

    /// Reading a results file (of the current schema, or of an older one, which is read as it
    /// is and not upgraded) changes no byte of it and leaves no file beside it.
    @Test func readingChangesNothing() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try resultsFile(in: folder)
        let older = folder.appendingPathComponent("older.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: older)
        try DatabaseQueue(path: older).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "ALTER TABLE runs DROP COLUMN start; DELETE FROM grdb_migrations WHERE identifier = 'v3-run-start'")
        }
        for file in [path, older] {
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            let store = try ResultStore(existing: file)
            #expect(try store.runCount() == 1)
            #expect(try store.summaries().count == 1)
            try store.exportCSV(to: folder.appendingPathComponent("csv-" + URL(fileURLWithPath: file).lastPathComponent).path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(file) changed")
        }
        let columns = try DatabaseQueue(path: older).read { try $0.columns(in: "runs").map(\.name) }
        #expect(!columns.contains("start"))
        #expect(try names(in: folder) == ["csv-older.sqlite", "csv-r.sqlite", "older.sqlite", "r.sqlite"])
    }

    /// A file whose store is closed is one file in WAL mode: everything is in it, nothing beside it.
    @Test func aClosedFileStandsAlone() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try resultsFile(in: folder)
        #expect(try names(in: folder) == ["r.sqlite"])
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    /// While a run is written (its rows spilled into the file: more than SQLite's page cache
    /// holds), another connection reads the runs committed before, at once; and a second
    /// writer waits, says so after a second, and records its run once the first is committed.
    @Test func aReaderReadsAndASecondWriterWaitsWhileARunIsWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try resultsFile(in: folder)
        let store = try ResultStore(path: path)
        let tasks = (0..<100_000).map { index in
            var task = StoreFixture.tasks[index % 2]
            task.index = index
            return task
        }
        let waited = DispatchSemaphore(value: 0)
        let second = SecondWriter()
        var readDuringWrite: Int?
        var readSeconds = 0.0
        var noticed = false
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { sink in
            // The pipeline holds at most a few batches: most of these rows are in SQLite.
            for task in tasks { sink?.record(task) }
            let start = ContinuousClock.now
            readDuringWrite = try? ResultStore(existing: path).runCount()
            readSeconds = Double((ContinuousClock.now - start).components.seconds)
            Thread.detachNewThread {
                second.result = Result {
                    let other = try ResultStore(path: path, waiting: { waited.signal() })
                    return try other.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .summary) { _ in StoreFixture.result }
                }
                second.done.signal()
            }
            noticed = waited.wait(timeout: .now() + 10) == .success
            return StoreFixture.result
        }
        #expect(readDuringWrite == 1)
        #expect(readSeconds < 5)
        #expect(noticed, "the second writer did not say that it waits")
        #expect(second.done.wait(timeout: .now() + 30) == .success)
        #expect(try second.result?.get() == 3)
        #expect(try store.runCount() == 3)
    }

    /// What the second writer's thread hands back: the run id it recorded, or why not;
    /// ``done`` is signalled once ``result`` is set.
    final class SecondWriter: @unchecked Sendable {
        var result: Result<Int64, any Error>?
        let done = DispatchSemaphore(value: 0)
    }
}
