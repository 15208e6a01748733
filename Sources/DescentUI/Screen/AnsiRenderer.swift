/// Turns a buffer into text with ANSI SGR escape codes (`descent render --ansi`).
public struct AnsiRenderer: Sendable {
    public let palette: Palette

    public init(palette: Palette = Palette(depth: .extended)) { self.palette = palette }

    /// Every row, with an escape sequence wherever the style changes and a
    /// reset at the end of each row.
    public func render(_ buffer: ScreenBuffer) -> String {
        var output = ""
        for row in 0..<buffer.size.rows {
            var current: Style?
            for column in 0..<buffer.size.columns {
                let cell = buffer[column, row]
                if cell.isContinuation { continue }
                if cell.style != current {
                    output += sequence(for: cell.style)
                    current = cell.style
                }
                output.unicodeScalars.append(cell.scalar)
            }
            output += "\u{1B}[0m\n"
        }
        return output
    }

    func sequence(for style: Style) -> String {
        var codes = ["0"]
        if style.isBold { codes.append("1") }
        if style.isUnderlined { codes.append("4") }
        let (foreground, background) = palette.colors(for: style)
        if foreground >= 0 { codes.append(code(foreground, base: 30)) }
        if background >= 0 { codes.append(code(background, base: 40)) }
        if palette.isReversedWithoutColor(style.background) { codes.append("7") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private func code(_ color: Int, base: Int) -> String {
        color < 8 ? "\(base + color)" : "\(base + 8);5;\(color)"
    }
}
