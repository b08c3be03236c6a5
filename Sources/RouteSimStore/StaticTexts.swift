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

extension TaskReason {
    /// Every reason: completed, then the cancel reasons in ``CancelReason``'s order.
    static let allCases: [TaskReason] = [.completed] + CancelReason.allCases.map { .canceled($0) }

    /// The reason's position in ``allCases``. O(1).
    var ordinal: Int {
        switch self {
        case .completed: 0
        case .canceled(.abandoned): 1
        case .canceled(.ttl): 2
        case .canceled(.workflowTimeout): 3
        case .canceled(.workflowSkipped): 4
        case .canceled(.noMatchingFilter): 5
        case .canceled(.maxAssignments): 6
        }
    }
}
