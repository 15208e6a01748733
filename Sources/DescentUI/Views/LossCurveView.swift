#if canImport(Glibc)
import Glibc
#endif
import DescentCore

/// Loss against steps, as braille lines, one per run in its colour. The
/// vertical scale is logarithmic when every loss is positive (a falling loss
/// spans decades), linear otherwise.
public struct LossCurveView {
    /// The runs to draw, the active one last (on top).
    public let traces: [RunTrace]

    public init(traces: [RunTrace]) { self.traces = traces }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let histories = traces.map { $0.run.history.records.map(\.loss) }
        let isLogarithmic = histories.allSatisfy { $0.allSatisfy { !$0.isFinite || $0 > 0 } }
        let inner = Box.draw(rect, title: isLogarithmic ? "loss (log scale)" : "loss", into: &buffer)
        guard inner.width >= 12, inner.height >= 3 else { return }
        let finite = histories.joined().filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return }

        let labelWidth = max(Format.number(low).count, Format.number(high).count) + 1
        let (labels, plotArea) = inner.splitLeft(labelWidth)
        let (plot, stepAxis) = plotArea.splitBottom(1)
        if high > low {
            buffer.put(Format.number(high), column: labels.x, row: plot.y, style: Style(foreground: .dim))
            buffer.put(Format.number(low), column: labels.x, row: plot.maxY - 1, style: Style(foreground: .dim))
        } else {
            // One level (a single step, or a flat loss) is drawn mid-height: one label, beside it.
            let middle = plot.y + Int((Double(plot.height * 4 - 1) * 0.5 / 4).rounded(.down))
            buffer.put(Format.number(high), column: labels.x, row: middle, style: Style(foreground: .dim))
        }

        func scaled(_ value: Double) -> Double { isLogarithmic ? log10(value) : value }
        let top = scaled(high), bottom = scaled(low)
        let span = top - bottom
        // By step, not by index: a long run's history is thinned in its past.
        let steps = traces.map { $0.run.history.records.map(\.step) }
        let finalStep = steps.compactMap(\.last).max() ?? 0
        let lastStep = max(1, finalStep)
        for ((trace, losses), stepsOfTrace) in zip(zip(traces, histories), steps) {
            var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
            func dot(_ index: Int) -> (x: Double, y: Double) {
                let x = Double(stepsOfTrace[index]) / Double(lastStep) * Double(canvas.dotWidth - 1)
                let value = losses[index]
                // A non-finite loss (divergence) is drawn at the top edge.
                let fraction = value.isFinite ? (span > 0 ? (scaled(value) - bottom) / span : 0.5) : 1
                return (x, (1 - fraction) * Double(canvas.dotHeight - 1))
            }
            // About one segment per dot column: a long history costs the width, not its length.
            let stride = max(1, losses.count / max(1, canvas.dotWidth))
            var previous = dot(0)
            var index = stride
            while index < losses.count {
                let next = dot(index)
                canvas.line(from: previous, to: next)
                previous = next
                index += stride
            }
            canvas.line(from: previous, to: dot(losses.count - 1))
            let role: ColorRole = traces.count == 1 ? .lossCurve : trace.role
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    if let scalar = canvas.character(column: column, row: row) {
                        buffer[plot.x + column, plot.y + row] = Cell(scalar, style: Style(foreground: role))
                    }
                }
            }
        }
        let left = "step 0"
        buffer.put(left, column: stepAxis.x, row: stepAxis.y, style: Style(foreground: .dim), clip: stepAxis)
        guard finalStep > 0 else { return }
        let right = "step \(finalStep)"
        buffer.put(right, column: stepAxis.maxX - right.count, row: stepAxis.y, style: Style(foreground: .dim),
                   clip: stepAxis)
    }
}
