import DescentCore

/// Racing optimizers, one row each: colour, name, loss, status. The active
/// one (which the keys tune) is marked with ▸.
public struct RaceTable {
    public let traces: [RunTrace]
    public let activeIndex: Int

    public init(traces: [RunTrace], activeIndex: Int) {
        self.traces = traces
        self.activeIndex = activeIndex
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let inner = Box.draw(rect, title: "race  (tab: next)", into: &buffer)
        let nameWidth = traces.map(\.label.count).max() ?? 0
        for (index, trace) in traces.enumerated() where index < inner.height {
            let y = inner.y + index
            var x = buffer.put(index == activeIndex ? "▸" : " ", column: inner.x, row: y,
                               style: Style(foreground: .accent, isBold: true), clip: inner)
            x = buffer.put("● ", column: x, row: y, style: Style(foreground: trace.role, isBold: true), clip: inner)
            x = buffer.put(Format.paddedRight(trace.label, to: nameWidth), column: x, row: y,
                           style: Style(foreground: .text, isBold: index == activeIndex), clip: inner)
            let status: String = switch trace.run.status {
            case .running: ""
            case .converged(let step): "  converged at \(step)"
            case .diverged(let step): "  diverged at \(step)"
            }
            buffer.put(" loss \(Format.number(trace.run.current.loss))" + status, column: x, row: y,
                       style: Style(foreground: trace.run.status.hasDiverged ? .danger : .text), clip: inner)
        }
    }
}
