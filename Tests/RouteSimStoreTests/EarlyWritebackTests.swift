import Foundation
import GRDB
@testable import RouteSimStore
import Testing

/// The thread that syncs a results file while its run is recorded uses SQLite's own
/// descriptor of the file, and only where `/proc` shows it.
@Suite struct EarlyWritebackTests {
    /// A file the store holds open is found, through a symbolic link too; one nobody holds
    /// is not (so nothing is opened, and no descriptor is closed, behind SQLite's back).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func findsTheDescriptorSQLiteHoldsAndNoOther() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("open.sqlite").path
        let store = try ResultStore(path: path)
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path)

        let direct = try #require(EarlyWriteback(path: path))
        try direct.stop()
        let throughLink = try #require(EarlyWriteback(path: link + "/open.sqlite"))
        try throughLink.stop()

        let closed = folder.appendingPathComponent("closed.sqlite").path
        try DatabaseQueue(path: closed).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(EarlyWriteback(path: closed) == nil)
        #expect(EarlyWriteback(path: folder.appendingPathComponent("missing.sqlite").path) == nil)

        // The store's descriptor is still its own: the next run is recorded as before.
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        #expect(try store.runCount() == 2)
    }

    /// A sync that fails (the kernel's write-back error, reported once per open file
    /// description, so the commit's own sync would miss it) is kept, and stopping throws it;
    /// the store syncs the file's WAL, where a run's pages go.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func aFailedSyncIsKeptAndThrown() throws {
        let folder = StoreFixture.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("open.sqlite").path
        let store = try ResultStore(path: path)
        _ = try store.record(run: StoreFixture.run, spec: StoreFixture.spec, level: .tasks) { StoreFixture.simulate($0) }
        let failing = try #require(EarlyWriteback(path: path + "-wal") { _ in
            errno = EIO
            return -1
        })
        Thread.sleep(forTimeInterval: 0.6)
        let error = #expect(throws: DatabaseError.self) { try failing.stop() }
        #expect(error?.extendedResultCode == .SQLITE_IOERR_FSYNC)
        #expect(error?.message == "the system could not write it to disk (fsync: Input/output error); the run is not recorded")
        let working = try #require(EarlyWriteback(path: path + "-wal"))
        Thread.sleep(forTimeInterval: 0.3)
        try working.stop()
    }
}
