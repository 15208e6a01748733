/// Every key and what it does, in a box over the middle of the screen, with
/// the scenario's lesson above the keys when there is room for it.
public enum HelpOverlay {
    /// Draws the help with its key list scrolled down by `scroll` rows
    /// (clamped); returns the largest useful scroll.
    @discardableResult
    public static func draw(in screen: Rect, lesson: String?, scroll: Int = 0, into buffer: inout ScreenBuffer) -> Int {
        let bindings = KeyBinding.explorer
        let labelWidth = bindings.map(\.label.count).max() ?? 0
        let lines = bindings.map { Format.padded($0.label, to: labelWidth) + "  " + $0.summary }
        var footer = "? or esc closes this help"
        let width = min(screen.width, max(lines.map(\.count).max() ?? 0, footer.count) + 6)
        var lessonLines = lesson.map { Format.wrapped($0, to: width - 6) } ?? []
        if lines.count + lessonLines.count + 5 > screen.height { lessonLines = [] }
        let lessonRows = lessonLines.isEmpty ? 0 : lessonLines.count + 1
        let height = min(screen.height, lines.count + lessonRows + 4)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                       width: width, height: height)
        let background = Style(background: .overlay)
        buffer.fill(box, with: Cell(" ", style: background))
        let inner = Box.draw(box, title: "keys", into: &buffer,
                             border: Style(foreground: .accent, background: .overlay),
                             titleStyle: Style(foreground: .title, background: .overlay, isBold: true))
        for (offset, line) in lessonLines.enumerated() {
            buffer.put(" " + line, column: inner.x, row: inner.y + offset,
                       style: Style(foreground: .accent, background: .overlay), clip: inner)
        }
        let visibleRows = max(1, inner.height - 1 - lessonRows)
        let maximumScroll = max(0, bindings.count - visibleRows)
        let offset = min(max(0, scroll), maximumScroll)
        if maximumScroll > 0 { footer = "↑ ↓ scroll · " + footer }
        for (row, binding) in bindings.dropFirst(offset).prefix(visibleRows).enumerated() {
            let y = inner.y + lessonRows + row
            let x = buffer.put(" " + Format.padded(binding.label, to: labelWidth), column: inner.x, row: y,
                               style: Style(foreground: .key, background: .overlay, isBold: true), clip: inner)
            buffer.put("  " + binding.summary, column: x, row: y, style: Style(foreground: .text, background: .overlay),
                       clip: inner)
        }
        buffer.put(" " + footer, column: inner.x, row: inner.maxY - 1, style: Style(foreground: .dim, background: .overlay),
                   clip: inner)
        return maximumScroll
    }
}
