/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    /// A single-width scalar (ASCII, box drawing, braille, blocks); or a
    /// wide one (CJK, emoji), whose right half is the next cell, a
    /// `continuation`.
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of the wide character in the cell before it: drawn by
    /// that character, never on its own. (NUL never reaches a cell
    /// otherwise: `ScreenBuffer.put` shows it as ␀.)
    public static func continuation(style: Style) -> Cell { Cell("\u{0}", style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { scalar == "\u{0}" }
}
