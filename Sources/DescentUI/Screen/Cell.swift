/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    /// A single-width scalar (ASCII, box drawing, braille, blocks).
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    public static let blank = Cell()
}
