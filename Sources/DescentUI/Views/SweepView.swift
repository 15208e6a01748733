#if canImport(Glibc)
import Glibc
#endif
import DescentCore

/// Final loss against learning rate, both on log scales: too small barely
/// moves (left), just right gets lowest, too large oscillates and diverges
/// (right, × at the top). The current rate and the best one are marked; the
/// loss axis stops at ten times the starting loss (worse than that is drawn
/// as ▲ at the top), so exploding runs do not flatten the interesting part.
public struct SweepView {
    public let sweep: SweepResult
    public let currentRate: Double
    /// The loss at the start, the sweep's reference level.
    public let startLoss: Double

    public init(sweep: SweepResult, currentRate: Double, startLoss: Double) {
        self.sweep = sweep
        self.currentRate = currentRate
        self.startLoss = startLoss
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let title = "final loss after \(Format.counted(sweep.steps, "step")), by learning rate"
            + (sweep.isComplete ? "" : " (\(sweep.points.count) of \(sweep.rates.count)…)")
        let inner = Box.draw(rect, title: title, into: &buffer)
        guard inner.width >= 20, inner.height >= 6, let low = sweep.rates.first, let high = sweep.rates.last else { return }
        let (body, footer) = inner.splitBottom(2)
        let finite = sweep.points.map(\.finalLoss).filter { $0.isFinite && $0 > 0 }
        let labelWidth = 10
        let (labels, plot) = body.splitLeft(labelWidth)
        let ceiling = startLoss.isFinite && startLoss > 0 ? startLoss * 10 : .infinity
        let reference = startLoss.isFinite && startLoss > 0 ? [startLoss] : []
        guard let bottomLoss = (finite + reference).min(),
              let topLoss = (finite + reference).filter({ $0 <= ceiling }).max() ?? finite.min() else {
            buffer.put("sweeping…", column: plot.x + 1, row: plot.y + plot.height / 2, style: Style(foreground: .dim),
                       clip: plot)
            drawAxis(footer, low: low, high: high, into: &buffer)
            return
        }
        let top = log10(topLoss), bottom = log10(bottomLoss)
        let span = max(top - bottom, 1e-12)
        let dotWidth = plot.width * 2, dotHeight = plot.height * 4
        func x(_ rate: Double) -> Double {
            high > low ? (log10(rate) - log10(low)) / (log10(high) - log10(low)) * Double(dotWidth - 1) : 0
        }
        func y(_ loss: Double) -> Double { (top - log10(loss)) / span * Double(dotHeight - 1) }
        // Cells for marks. A loss of 0 or below (Booth and Himmelblau reach 0,
        // the saddle and Styblinski-Tang go negative) has no place on a log
        // axis: it sits on the bottom row, where log10 would give -inf or NaN.
        func column(_ rate: Double) -> Int { plot.x + Self.dot(x(rate), below: dotWidth) / 2 }
        func row(_ loss: Double) -> Int { plot.y + (loss > 0 ? Self.dot(y(loss), below: dotHeight) : dotHeight - 1) / 4 }
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        var previous: (x: Double, y: Double)?
        for point in sweep.points {
            guard point.finalLoss.isFinite, point.finalLoss > 0, point.finalLoss <= topLoss,
                  !point.status.hasDiverged else {
                previous = nil
                continue
            }
            let next = (x(point.learningRate), y(point.finalLoss))
            canvas.line(from: previous ?? next, to: next)
            previous = next
        }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                if let scalar = canvas.character(column: column, row: row) {
                    buffer[plot.x + column, plot.y + row] = Cell(scalar, style: Style(foreground: .lossCurve))
                }
            }
        }
        for point in sweep.points where point.status.hasDiverged || !point.finalLoss.isFinite || point.finalLoss > topLoss {
            let diverged = point.status.hasDiverged || !point.finalLoss.isFinite
            buffer[column(point.learningRate), plot.y] = Cell(diverged ? "×" : "▲",
                                                              style: Style(foreground: .danger, isBold: true))
        }
        if startLoss.isFinite, startLoss > 0, startLoss <= topLoss, startLoss >= bottomLoss {
            let startRow = row(startLoss)
            for column in stride(from: plot.x, to: plot.maxX, by: 2) where buffer[column, startRow].scalar == " " {
                buffer[column, startRow] = Cell("·", style: Style(foreground: .dim))
            }
            buffer.put("start", column: labels.x, row: startRow, style: Style(foreground: .dim), clip: labels)
        }
        let currentColumn = column(currentRate)
        if currentRate >= low && currentRate <= high {
            for row in plot.y..<plot.maxY where buffer[currentColumn, row].scalar == " " {
                buffer[currentColumn, row] = Cell("│", style: Style(foreground: .key))
            }
        }
        if let best = sweep.best {
            buffer[column(best.learningRate), row(best.finalLoss)] = Cell("◆", style: Style(foreground: .optimum, isBold: true))
        }
        buffer.put(Format.number(topLoss), column: labels.x, row: labels.y, style: Style(foreground: .dim), clip: labels)
        buffer.put(Format.number(bottomLoss), column: labels.x, row: labels.maxY - 1, style: Style(foreground: .dim),
                   clip: labels)
        drawAxis(footer, low: low, high: high, into: &buffer)
        var caption = "× diverged  ▲ >10× start  │ yours \(Format.exact(currentRate))"
        if let best = sweep.best { caption += "  ◆ best \(Format.number(best.learningRate))" }
        buffer.put(caption, column: footer.x + 1, row: footer.y + 1, style: Style(foreground: .dim), clip: footer)
    }

    /// A braille dot coordinate as a whole number in 0..<limit; NaN counts as 0.
    private static func dot(_ position: Double, below limit: Int) -> Int {
        guard position > 0 else { return 0 }
        return position < Double(limit - 1) ? Int(position) : limit - 1
    }

    private func drawAxis(_ footer: Rect, low: Double, high: Double, into buffer: inout ScreenBuffer) {
        let left = "rate \(Format.number(low))", right = "\(Format.number(high)) (log scale) →"
        buffer.put(left, column: footer.x + 10, row: footer.y, style: Style(foreground: .dim), clip: footer)
        buffer.put(right, column: footer.maxX - right.count, row: footer.y, style: Style(foreground: .dim), clip: footer)
    }
}
