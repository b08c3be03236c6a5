/// A worker and one of its task channels, by index: the key of per-channel counts.
struct TwinWorkerChannelKey: Hashable {
    var worker: Int
    var channel: Int
}
