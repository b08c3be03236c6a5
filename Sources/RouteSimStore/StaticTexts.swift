import RouteSim

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

/// Texts that repeat from row to row but are not known up front (a task's `reason`), kept
/// as UTF-8 bytes the first time they are seen, so that binding one costs SQLite no copy
/// and no allocation (`SQLITE_STATIC`), as with ``StaticTexts``.
///
/// A text is looked up by comparing it with those kept (a handful: the reasons are
/// TaskRouter's few); past ``capacity`` texts, ``subscript(_:)`` returns nil and the caller
/// binds a copy. The buffers are freed with the instance. Used by one thread at a time.
final class InternedTexts: @unchecked Sendable {
    /// The most texts kept.
    static let capacity = 32
    /// The texts kept, and their bytes. Not checked for exclusive access at run time (a
    /// lookup is made for every task row, and the checks cost more than it): the instance
    /// is used by one thread at a time, and no access overlaps another.
    @exclusivity(unchecked) private var texts: [String] = []
    @exclusivity(unchecked) private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// The bytes of `text`, valid as long as this instance lives; nil if ``capacity``
    /// other texts are kept already.
    subscript(_ text: String) -> UnsafeBufferPointer<UInt8>? {
        for index in texts.indices where texts[index] == text { return UnsafeBufferPointer(buffers[index]) }
        guard texts.count < Self.capacity else { return nil }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, text.utf8.count))
        _ = buffer.initialize(from: text.utf8)
        texts.append(text)
        buffers.append(UnsafeMutableBufferPointer(rebasing: buffer[0..<text.utf8.count]))
        return UnsafeBufferPointer(buffers[buffers.count - 1])
    }
}

extension TaskStatus {
    /// The status's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .pending: 0
        case .reserved: 1
        case .assigned: 2
        case .wrapping: 3
        case .completed: 4
        case .canceled: 5
        }
    }
}

extension ReservationStatus {
    /// The status's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .pending: 0
        case .accepted: 1
        case .rejected: 2
        case .timeout: 3
        case .canceled: 4
        case .rescinded: 5
        case .wrapping: 6
        case .completed: 7
        }
    }
}
