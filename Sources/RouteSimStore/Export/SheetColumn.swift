/// A sheet's column: its header and its width in characters.
public struct SheetColumn: Sendable, Equatable {
    public var header: String
    /// The width in characters of the default font (Excel's `<col width>`).
    public var width: Double

    public init(header: String, width: Double) {
        self.header = header
        self.width = width
    }
}
