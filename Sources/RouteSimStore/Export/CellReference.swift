/// A cell's A1-style reference, e.g. `AA12`: column letters, then the row number.
public struct CellReference: Sendable, Equatable, CustomStringConvertible {
    /// The row, from 1.
    public var row: Int
    /// The column, from 0 (`A`).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `A1`, `Z3`, `AA12`, …
    public var description: String { Self.letters(column: column) + String(row) }

    /// The letters of column `column` (from 0): `A` … `Z`, `AA` … `ZZ`, `AAA` …
    public static func letters(column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column + 1
        while rest > 0 {
            rest -= 1
            letters.append(UInt8(ascii: "A") + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
