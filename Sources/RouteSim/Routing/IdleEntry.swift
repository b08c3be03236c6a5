/// A worker that can take a task of one channel, keyed by how long it has been idle:
/// the smallest entry is the worker whose last reservation is oldest, then the lowest
/// worker index (docs/taskrouter-fidelity.md, Matching). Valid only while its stamp equals the worker
/// channel's ready stamp.
struct IdleEntry: Comparable {
    var idleSince: Double
    var worker: Int32
    var stamp: UInt32

    static func < (a: IdleEntry, b: IdleEntry) -> Bool {
        a.idleSince != b.idleSince ? a.idleSince < b.idleSince : a.worker < b.worker
    }

    static func == (a: IdleEntry, b: IdleEntry) -> Bool {
        a.idleSince == b.idleSince && a.worker == b.worker
    }
}
