/// A CSV text split into a header and records (RFC 4180: comma-separated, fields may be
/// quoted with `"`, a quote inside a quoted field doubled, line breaks inside quotes kept).
///
/// Lines end with LF or CRLF; a UTF-8 byte order mark is skipped; blank lines are skipped.
/// Fields are kept as written, except that unquoted fields are trimmed of spaces.
struct CSVTable {
    /// One record and the 1-based line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The first record's fields; empty for a text without records.
    var header: [String] = []
    /// The records after the header, in file order.
    var records: [Record] = []
    /// The line of a quoted field that is never closed, if any (the text is read up to it).
    var unclosedQuoteLine: Int?

    /// Splits `text`. O(length).
    init(_ text: String) {
        var all: [Record] = []
        unclosedQuoteLine = Self.forEachRecord(text) { all.append($0) }
        header = all.first?.fields ?? []
        records = Array(all.dropFirst())
    }

    /// Calls `body` with each record of `text` in file order, the header first, keeping none:
    /// a large file is read in memory of its text and one record. Returns the line of a quoted
    /// field that is never closed, if any. O(length), over the text's UTF-8 bytes (the
    /// characters with a meaning here are ASCII, so no multi-byte character is split).
    static func forEachRecord(_ text: String, _ body: (Record) -> Void) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var fields: [String] = []
            var field: [UInt8] = []
            field.reserveCapacity(64)
            var quoted = false
            var wasQuoted = false
            var line = 1
            var recordLine = 1
            var quoteLine = 1
            func endField() {
                let value = String(decoding: field, as: UTF8.self)
                fields.append(wasQuoted || !(field.first.map(mayTrim) ?? false) && !(field.last.map(mayTrim) ?? false) ? value : value.trimmed)
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            }
            func endRecord() {
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { body(Record(line: recordLine, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
            }
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                if quoted {
                    if byte == quote {
                        if i < bytes.count, bytes[i] == quote {
                            field.append(quote)
                            i += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if byte == lf { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case quote where field.allSatisfy(mayTrim) && String(decoding: field, as: UTF8.self).trimmed.isEmpty:
                    quoted = true
                    wasQuoted = true
                    quoteLine = line
                    field.removeAll(keepingCapacity: true)
                case comma:
                    endField()
                case cr where i < bytes.count && bytes[i] == lf:
                    continue
                case lf:
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(byte)
                }
            }
            endRecord()
            return quoted ? quoteLine : nil
        }
    }

    /// Whether `byte` may be part of what `String.trimmed` removes: an ASCII space, tab or line
    /// break, or a byte of a character beyond ASCII (some are line breaks).
    private static func mayTrim(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte >= 0x80
    }
}
