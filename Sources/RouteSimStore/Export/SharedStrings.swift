/// The workbook's shared-string table, `xl/sharedStrings.xml`: each distinct text once, which
/// cells refer to by index (`<c t="s"><v>3</v></c>`).
///
/// A sheet's status, queue or worker column repeats a few texts a million times; a reference
/// is much shorter than the text inline, so the sheet is smaller to write and to deflate.
/// The table is held in memory until the workbook is finished, so ``WorksheetWriter`` adds
/// only a bounded number of texts per column and writes the rest inline.
final class SharedStrings {
    /// The texts, in index order.
    private(set) var texts: [String] = []
    /// How many cells refer to the table.
    private(set) var references = 0
    private var indexes: [String: Int] = [:]

    /// The index of `text`, if it is in the table, counting a reference.
    func reference(_ text: String) -> Int? {
        guard let index = indexes[text] else { return nil }
        references += 1
        return index
    }

    /// Adds `text`, which is not in the table yet, and returns its index, counting a reference.
    func add(_ text: String) -> Int {
        let index = texts.count
        texts.append(text)
        indexes[text] = index
        references += 1
        return index
    }

    /// The part's XML.
    var xml: [UInt8] {
        var out = Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            count="\(references)" uniqueCount="\(texts.count)">
            """.utf8)
        for text in texts {
            out.append(contentsOf: "<si>".utf8)
            SpreadsheetText.appendElement(text, to: &out)
            out.append(contentsOf: "</si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
