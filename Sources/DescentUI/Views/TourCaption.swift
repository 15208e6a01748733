import DescentCore

/// The tour's caption above the message line: the stop's heading and the
/// keys to move on, the caption (what to try), and the stop's goal checked
/// live ("reached in 13 steps ✓").
public enum TourCaption {
    /// The rows the caption takes.
    public static let rows = 4

    public static func draw(_ progress: TourProgress, state: ExplorerState, in rect: Rect,
                            into buffer: inout ScreenBuffer) {
        guard rect.height >= 1 else { return }
        buffer.fill(rect, with: Cell(" ", style: Style(background: .overlay)))
        let heading = " " + progress.tour.heading(at: progress.index) + " "
        let x = buffer.put(heading, column: rect.x, row: rect.y,
                           style: Style(foreground: .accent, background: .overlay, isBold: true), clip: rect)
        let keys = progress.isLast ? "< back · T ends the tour " : "> next stop · < back · T leaves the tour "
        if x + keys.count < rect.maxX {
            buffer.put(keys, column: rect.maxX - keys.count, row: rect.y,
                       style: Style(foreground: .dim, background: .overlay), clip: rect)
        }
        let captionRows = max(0, rect.height - 2)
        for (offset, line) in Format.wrapped(progress.stop.caption, to: rect.width - 2).prefix(captionRows).enumerated() {
            buffer.put(" " + line, column: rect.x, row: rect.y + 1 + offset,
                       style: Style(foreground: .title, background: .overlay), clip: rect)
        }
        guard rect.height >= 2, let goal = state.scenario.goal,
              let status = GoalStatus.best(state.goalTrackers.map(\.status)) else { return }
        var line = Tour.goalLine(for: goal, status: status)
        if status.isReached && !progress.isLast { line += "  (> next stop)" }
        let role: ColorRole = status.isReached ? .good : (status.isSettled ? .danger : .text)
        buffer.put(" " + line, column: rect.x, row: rect.maxY - 1,
                   style: Style(foreground: role, background: .overlay, isBold: status.isReached), clip: rect)
    }
}
