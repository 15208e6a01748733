import DescentCore

/// The loss of a one-weight model as a curve over the weight, with descent's
/// steps drawn on it: each step a segment from (w_k, L(w_k)) to
/// (w_k+1, L(w_k+1)), so overshoot shows as a zig-zag across the valley.
/// Markers: the start (○), known minima (◆), the current weight (●).
public struct LossLineView {
    public let scenario: Scenario
    /// The runs to draw, the active one last (on top).
    public let traces: [RunTrace]
    public let region: ViewRegion
    public let grid: SurfaceGrid?

    public init(scenario: Scenario, traces: [RunTrace], region: ViewRegion, grid: SurfaceGrid?) {
        precondition(!traces.isEmpty, "a loss-curve view draws at least one run")
        self.scenario = scenario
        self.traces = traces
        self.region = region
        self.grid = grid
    }

    /// The active run (drawn last).
    var run: TrainingRun { traces[traces.count - 1].run }

    /// The loss range drawn: the sampled curve's, padded a little.
    func lossRange() -> ClosedRange<Double>? {
        guard let range = grid?.finiteRange else { return nil }
        let padding = max((range.upperBound - range.lowerBound) * 0.05, 1e-12)
        // A loss that cannot go negative is not drawn with a negative axis.
        let bottom = range.lowerBound >= 0 ? max(0, range.lowerBound - padding) : range.lowerBound - padding
        return bottom...(range.upperBound + padding)
    }

    public func draw(map: Rect, axis: Rect, into buffer: inout ScreenBuffer) {
        guard let grid, grid.region.horizontal == region.horizontal, grid.rows == 1, grid.columns == map.width * 2,
              let range = lossRange() else {
            let note = "sampling the loss curve…"
            buffer.put(note, column: map.x + max(0, (map.width - note.count) / 2), row: map.y + map.height / 2,
                       style: Style(foreground: .dim), clip: map)
            return
        }
        let dotHeight = Double(map.height * 4)
        func y(_ loss: Double) -> Double {
            (range.upperBound - loss) / (range.upperBound - range.lowerBound) * (dotHeight - 1)
        }
        func x(_ weight: Double) -> Double {
            (weight - region.horizontal.lowerBound) / region.width * Double(map.width * 2)
        }

        var curve = BrailleCanvas(columns: map.width, rows: map.height)
        for column in 0..<(grid.columns - 1) {
            curve.line(from: (Double(column) + 0.5, y(grid.values[column])),
                       to: (Double(column) + 1.5, y(grid.values[column + 1])))
        }
        for row in 0..<map.height {
            for column in 0..<map.width {
                if let scalar = curve.character(column: column, row: row) {
                    buffer[map.x + column, map.y + row] = Cell(scalar, style: Style(foreground: .lossCurve))
                }
            }
        }
        for trace in traces {
            var path = BrailleCanvas(columns: map.width, rows: map.height)
            let records = trace.run.history.records
            for (earlier, later) in zip(records, records.dropFirst()) {
                path.line(from: (x(earlier.weights[0]), y(earlier.loss)), to: (x(later.weights[0]), y(later.loss)))
            }
            for row in 0..<map.height {
                for column in 0..<map.width {
                    if let scalar = path.character(column: column, row: row) {
                        buffer[map.x + column, map.y + row] = Cell(scalar, style: Style(foreground: trace.role, isBold: true))
                    }
                }
            }
        }
        func mark(_ weight: Double, _ loss: Double, _ scalar: Unicode.Scalar, _ role: ColorRole) {
            let dotX = x(weight), dotY = y(loss)
            guard dotX.isFinite, dotY.isFinite, dotX >= 0, dotX < Double(map.width * 2), dotY >= 0, dotY < dotHeight
            else { return }
            buffer[map.x + Int(dotX) / 2, map.y + Int(dotY) / 4] = Cell(scalar, style: Style(foreground: role, isBold: true))
        }
        for minimum in scenario.minima { mark(minimum.point[0], minimum.loss, minimum.isGlobal ? "◆" : "◇", .optimum) }
        if let first = run.history.first { mark(first.weights[0], first.loss, "○", .start) }
        for trace in traces {
            mark(trace.run.current.weights[0], trace.run.current.loss, "●", traces.count == 1 ? .currentPoint : trace.role)
        }

        buffer.put(Format.number(range.upperBound), column: map.x, row: map.y, style: Style(foreground: .dim), clip: map)
        buffer.put(Format.number(range.lowerBound), column: map.x, row: map.maxY - 1, style: Style(foreground: .dim), clip: map)
        var text = "\(scenario.plane.axisNames.0) \(Format.number(region.horizontal.lowerBound)) to "
            + "\(Format.number(region.horizontal.upperBound)) →   loss ↑"
        if !region.horizontal.contains(run.current.weights[0]) { text += "   ● is off the map" }
        buffer.put(text, column: axis.x + 1, row: axis.y, style: Style(foreground: .dim), clip: axis)
    }
}
