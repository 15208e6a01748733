/// How a cell is drawn: colour roles and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: ColorRole
    public var background: ColorRole
    public var isBold: Bool
    public var isUnderlined: Bool

    public init(foreground: ColorRole = .standard, background: ColorRole = .standard,
                isBold: Bool = false, isUnderlined: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.isBold = isBold
        self.isUnderlined = isUnderlined
    }

    public static let plain = Style()

    /// The same style with another foreground.
    public func foreground(_ role: ColorRole) -> Style {
        var copy = self
        copy.foreground = role
        return copy
    }

    /// The same style, bold.
    public var bold: Style {
        var copy = self
        copy.isBold = true
        return copy
    }
}
