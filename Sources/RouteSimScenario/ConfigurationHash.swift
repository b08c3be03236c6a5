/// A fingerprint of the configuration a run simulates: the scenario document after overrides
/// and imports, and the text of every other file the load read (traces, TaskRouter exports).
///
/// Runs with the same hash simulate the same configuration, so their replications can be
/// pooled (docs/experiments.md). The document is taken as values, not as written: positions,
/// comments and quoting of strings do not count; each scalar's text and type do, and map
/// entries count in document order (an override that adds a key puts it last, so it can
/// split a group that a value written in the file would not). Two top-level keys are left
/// out: `seed`, which tells replications apart, and `variants`, which no run applies as
/// written. The hash is 64-bit FNV-1a over a length-prefixed serialization, the same in
/// every process and on every platform (Swift's `Hasher` is seeded per process).
public struct ConfigurationHash: Sendable, Hashable, CustomStringConvertible {
    /// The FNV-1a state.
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of nothing, to which texts are added (``adding(_:)``).
    public init() {}

    /// The top-level keys that are not part of the configuration.
    static let excludedKeys: Set<String> = ["seed", "variants"]

    /// The hash as 16 lowercase hex digits, as the `runs.configuration_hash` column holds it.
    public var description: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// This hash with `text` added: the configuration of a run that changes the loaded one
    /// in a way the document does not show (a staffing point of `routesim staff`).
    public func adding(_ text: String) -> ConfigurationHash {
        var hash = self
        hash.add(text)
        return hash
    }

    /// Adds the text of a file the load read.
    mutating func add(file text: String) {
        add(tag: "F")
        add(text)
    }

    /// Adds the scenario document `root`, without its ``excludedKeys``.
    mutating func add(document root: DocumentNode) {
        guard case .mapping(let entries) = root.content else { return add(root) }
        add(entries: entries.filter { !Self.excludedKeys.contains($0.key) })
    }

    /// Adds `node` and everything below it.
    private mutating func add(_ node: DocumentNode) {
        switch node.content {
        case .scalar(let scalar):
            add(tag: "K")
            add(tag: Self.tag(scalar.kind))
            add(scalar.text)
        case .sequence(let items):
            add(tag: "S")
            add(count: items.count)
            for item in items { add(item) }
        case .mapping(let entries):
            add(entries: entries)
        }
    }

    /// Adds a map made of `entries`.
    private mutating func add(entries: [DocumentNode.Entry]) {
        add(tag: "M")
        add(count: entries.count)
        for entry in entries {
            add(entry.key)
            add(entry.value)
        }
    }

    /// Adds `text` after its UTF-8 length, so that no two sequences of texts serialize alike.
    private mutating func add(_ text: String) {
        add(count: text.utf8.count)
        for byte in text.utf8 { add(byte: byte) }
    }

    /// Adds `count` as 8 bytes, least significant first.
    private mutating func add(count: Int) {
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: UInt64(count) >> UInt64(shift))) }
    }

    /// Adds a one-letter marker of what follows.
    private mutating func add(tag: Unicode.Scalar) {
        add(byte: UInt8(ascii: tag))
    }

    /// One FNV-1a step.
    private mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The marker of a scalar type.
    private static func tag(_ kind: DocumentNode.Scalar.Kind) -> Unicode.Scalar {
        switch kind {
        case .null: "n"
        case .bool: "b"
        case .int: "i"
        case .float: "f"
        case .string: "s"
        }
    }
}
