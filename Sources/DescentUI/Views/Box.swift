/// A bordered box with a title in its top edge; returns the inner area.
public enum Box {
    @discardableResult
    public static func draw(_ rect: Rect, title: String? = nil, into buffer: inout ScreenBuffer,
                            border: Style = Style(foreground: .border),
                            titleStyle: Style = Style(foreground: .title, isBold: true)) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        for column in rect.x..<rect.maxX {
            buffer[column, rect.y] = Cell("─", style: border)
            buffer[column, rect.maxY - 1] = Cell("─", style: border)
        }
        for row in rect.y..<rect.maxY {
            buffer[rect.x, row] = Cell("│", style: border)
            buffer[rect.maxX - 1, row] = Cell("│", style: border)
        }
        buffer[rect.x, rect.y] = Cell("┌", style: border)
        buffer[rect.maxX - 1, rect.y] = Cell("┐", style: border)
        buffer[rect.x, rect.maxY - 1] = Cell("└", style: border)
        buffer[rect.maxX - 1, rect.maxY - 1] = Cell("┘", style: border)
        if let title, rect.width > 4 {
            buffer.put(" \(title) ", column: rect.x + 1, row: rect.y, style: titleStyle,
                       clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
        return rect.inset(by: 1)
    }
}
