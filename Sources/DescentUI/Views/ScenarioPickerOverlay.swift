/// The scenario picker: every scenario that matches what was typed, the
/// selected one highlighted and its lesson's first sentence below.
public enum ScenarioPickerOverlay {
    public static func draw(_ picker: ScenarioPicker, library: ScenarioLibrary, in screen: Rect,
                            into buffer: inout ScreenBuffer) {
        let matches = library.matching(picker.filter)
        let nameWidth = library.entries.map(\.name.count).max() ?? 0
        let width = min(screen.width - 2, max(60, nameWidth + 50))
        let height = min(screen.height - 2, max(8, min(library.entries.count, 18) + 6))
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                       width: width, height: height)
        buffer.fill(box, with: Cell(" ", style: Style(background: .overlay)))
        let inner = Box.draw(box, title: "open a scenario", into: &buffer,
                             border: Style(foreground: .accent, background: .overlay),
                             titleStyle: Style(foreground: .title, background: .overlay, isBold: true))
        let x = buffer.put(" filter: " + picker.filter, column: inner.x, row: inner.y,
                           style: Style(foreground: .title, background: .overlay, isBold: true), clip: inner)
        buffer.put("▏", column: x, row: inner.y, style: Style(foreground: .accent, background: .overlay), clip: inner)
        let listRows = max(1, inner.height - 4)
        let selection = min(picker.selection, max(0, matches.count - 1))
        let first = max(0, min(selection - listRows / 2, matches.count - listRows))
        if matches.isEmpty {
            buffer.put(" nothing matches '\(picker.filter)'", column: inner.x, row: inner.y + 2,
                       style: Style(foreground: .dim, background: .overlay), clip: inner)
        }
        for (row, index) in (first..<min(matches.count, first + listRows)).enumerated() {
            let entry = matches[index]
            let isSelected = index == selection
            let background: ColorRole = isSelected ? .titleBar : .overlay
            let line = Rect(x: inner.x, y: inner.y + 2 + row, width: inner.width, height: 1)
            buffer.fill(line, with: Cell(" ", style: Style(background: background)))
            let after = buffer.put((isSelected ? " ▸ " : "   ") + Format.paddedRight(entry.name, to: nameWidth),
                                   column: line.x, row: line.y,
                                   style: Style(foreground: .key, background: background, isBold: true), clip: line)
            buffer.put("  " + entry.title, column: after, row: line.y,
                       style: Style(foreground: .text, background: background, isBold: isSelected), clip: line)
        }
        if let selected = matches.indices.contains(selection) ? matches[selection] : nil {
            buffer.put(" " + Format.truncated(selected.summary, to: inner.width - 2), column: inner.x, row: inner.maxY - 1,
                       style: Style(foreground: .accent, background: .overlay), clip: inner)
        }
        let help = " type to filter · ↑ ↓ choose · enter opens · esc closes "
        buffer.put(help, column: box.maxX - help.count - 1, row: box.maxY - 1,
                   style: Style(foreground: .dim, background: .overlay), clip: box)
    }
}
