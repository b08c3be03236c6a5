/// A list of texts kept as UTF-8 bytes in one buffer for the life of a writer, so that
/// binding one costs SQLite no copy and no allocation (`SQLITE_STATIC`).
///
/// Immutable once made; the buffer is freed with the instance.
final class StaticTexts: @unchecked Sendable {
    /// The bytes of every text, one after the other, without terminators.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Each text's bytes in ``bytes``: a lookup is one load, as it is made for several
    /// columns of every row.
    private let texts: [UnsafeBufferPointer<UInt8>]

    /// Copies `texts`.
    init(_ texts: [String]) {
        var offsets = [0]
        offsets.reserveCapacity(texts.count + 1)
        for text in texts { offsets.append(offsets[offsets.count - 1] + text.utf8.count) }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, offsets[offsets.count - 1]))
        for (index, text) in texts.enumerated() {
            _ = UnsafeMutableBufferPointer(rebasing: bytes[offsets[index]..<offsets[index + 1]]).initialize(from: text.utf8)
        }
        self.bytes = bytes
        self.texts = texts.indices.map { UnsafeBufferPointer(rebasing: bytes[offsets[$0]..<offsets[$0 + 1]]) }
    }

    deinit {
        bytes.deallocate()
    }

    /// The bytes of text `index`, valid as long as this instance lives.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        texts[index]
    }
}
