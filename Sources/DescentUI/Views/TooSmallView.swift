/// Shown instead of the explorer while the terminal is smaller than the layout needs.
public enum TooSmallView {
    public static func draw(size: TerminalSize, minimum: TerminalSize, into buffer: inout ScreenBuffer) {
        let lines = [
            "terminal too small",
            "\(size.columns)×\(size.rows), needs \(minimum.columns)×\(minimum.rows)",
            "enlarge the window, or press q to quit",
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (size.columns - line.count) / 2)
            buffer.put(line, column: column, row: top + offset,
                       style: Style(foreground: offset == 0 ? .warning : .text, isBold: offset == 0))
        }
    }
}
