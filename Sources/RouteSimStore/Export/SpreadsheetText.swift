/// Text made safe for SpreadsheetML: XML escapes, and the `_xHHHH_` escapes Excel uses for
/// characters XML 1.0 cannot hold.
///
/// `<`, `>`, `&` and `"` become entities. Control characters other than tab and line feed,
/// carriage return included (XML would turn it into a line feed), and U+FFFE/U+FFFF become
/// `_xHHHH_`, which Excel, LibreOffice and openpyxl read back as the character. A literal
/// `_xHHHH_` in the text keeps its meaning by escaping its underscore as `_x005F_`.
enum SpreadsheetText {
    /// Appends `text`, escaped, to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            if utf8.contains(where: needsCare) { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if plain { return }
        var utf8 = Array(text.utf8)
        utf8.append(0)  // a sentinel, so that look-ahead needs no bounds checks
        var index = 0
        while index < utf8.count - 1 {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "_") where isEscape(utf8, at: index):
                out.append(contentsOf: "_x005F_".utf8)
            case 0xEF where utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                escape(0xFFF0 | UInt32(utf8[index + 2] & 0x0F), to: &out)
                index += 2
            case 0x09, 0x0A: out.append(byte)
            case ..<0x20: escape(UInt32(byte), to: &out)
            default: out.append(byte)
            }
            index += 1
        }
    }

    /// Appends `text` as a `<t>` element, escaped, with `xml:space="preserve"` when it has
    /// leading or trailing blanks to keep.
    static func appendElement(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: hasOuterBlanks(text) ? #"<t xml:space="preserve">"#.utf8 : "<t>".utf8)
        append(text, to: &out)
        out.append(contentsOf: "</t>".utf8)
    }

    /// Whether `text` needs `xml:space="preserve"` to keep its leading or trailing blanks.
    private static func hasOuterBlanks(_ text: String) -> Bool {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return isBlank(first) || isBlank(last)
    }

    /// Whether a byte may need more than copying.
    private static func needsCare(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "_") || byte == 0xEF
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `index` of the zero-terminated `utf8`.
    private static func isEscape(_ utf8: [UInt8], at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_")
        else { return false }
        return utf8[(index + 2)..<(index + 6)].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// Appends `_xHHHH_` for `code`.
    private static func escape(_ code: UInt32, to out: inout [UInt8]) {
        let hex = String(code, radix: 16, uppercase: true)
        out.append(contentsOf: ("_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_").utf8)
    }
}
