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
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        func endField() {
            fields.append(wasQuoted ? field : field.trimmed)
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { all.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            i += 1
            if quoted {
                if scalar == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmed.isEmpty:
                quoted = true
                wasQuoted = true
                quoteLine = line
                field = ""
            case ",":
                endField()
            case "\r" where i < scalars.count && scalars[i] == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { unclosedQuoteLine = quoteLine }
        endRecord()
        header = all.first?.fields ?? []
        records = Array(all.dropFirst())
    }
}
