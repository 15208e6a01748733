import DescentCore

/// The loss surface as a heatmap with contour lines, the descent path over
/// it, and markers for the start (○), known minima (◆ global, ◇ local) and the current
/// weights (●).
public struct SurfaceView {
    public let scenario: Scenario
    /// The runs to draw, the active one last (on top).
    public let traces: [RunTrace]
    public let region: ViewRegion
    public let grid: SurfaceGrid?
    /// Earlier runs of random restarts, drawn dim under the live paths, each
    /// ending in a dot coloured by where it ended (global minimum, another
    /// known minimum, or none).
    public let restarts: [RestartOutcome]

    public init(scenario: Scenario, traces: [RunTrace], region: ViewRegion, grid: SurfaceGrid?,
                restarts: [RestartOutcome] = []) {
        precondition(!traces.isEmpty, "a surface view draws at least one run")
        self.scenario = scenario
        self.traces = traces
        self.region = region
        self.grid = grid
        self.restarts = restarts
    }

    /// The active run (drawn last).
    var run: TrainingRun { traces[traces.count - 1].run }

    public func draw(map: Rect, axis: Rect, into buffer: inout ScreenBuffer) {
        drawHeatmap(in: map, into: &buffer)
        drawRestarts(in: map, into: &buffer)
        drawPath(in: map, into: &buffer)
        drawMarkers(in: map, into: &buffer)
        drawAxis(in: axis, into: &buffer)
    }

    private func drawHeatmap(in map: Rect, into buffer: inout ScreenBuffer) {
        guard let grid, grid.region == region, grid.columns == map.width, grid.rows == map.height,
              let range = grid.finiteRange else {
            buffer.fill(map, with: Cell(" ", style: Style(background: .overlay)))
            let note = "sampling the surface…"
            buffer.put(note, column: map.x + max(0, (map.width - note.count) / 2), row: map.y + map.height / 2,
                       style: Style(foreground: .dim, background: .overlay), clip: map)
            return
        }
        let scale = HeatmapScale(range: range)
        let bands = grid.values.map { scale.band(of: $0) }
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let band = bands[row * grid.columns + column]
                let right = column + 1 < grid.columns ? bands[row * grid.columns + column + 1] : band
                let below = row + 1 < grid.rows ? bands[(row + 1) * grid.columns + column] : band
                let background: ColorRole = band.map { .heat($0) } ?? .standard
                let isContour = band != nil && (right != band || below != band)
                let scalar: Unicode.Scalar = band == nil ? "×" : (isContour ? "·" : " ")
                buffer[map.x + column, map.y + row] = Cell(scalar, style: Style(foreground: .contour, background: background))
            }
        }
    }

    /// Dot coordinates of a weight vector inside `map`.
    func dotPosition(of weights: [Double], in map: Rect) -> (x: Double, y: Double) {
        let point = scenario.plane.projection(of: weights)
        let x = (point.u - region.horizontal.lowerBound) / region.width * Double(map.width * 2)
        let y = (region.vertical.upperBound - point.v) / region.height * Double(map.height * 4)
        return (x, y)
    }

    /// The cell holding a weight vector, or nil when it is outside the map.
    func cellPosition(of weights: [Double], in map: Rect) -> (column: Int, row: Int)? {
        let (x, y) = dotPosition(of: weights, in: map)
        guard x.isFinite, y.isFinite, x >= 0, y >= 0, x < Double(map.width * 2), y < Double(map.height * 4) else {
            return nil
        }
        return (map.x + Int(x) / 2, map.y + Int(y) / 4)
    }

    private func drawRestarts(in map: Rect, into buffer: inout ScreenBuffer) {
        guard !restarts.isEmpty else { return }
        var canvas = BrailleCanvas(columns: map.width, rows: map.height)
        for outcome in restarts {
            trace(outcome.path, on: &canvas, in: map)
        }
        stamp(canvas, in: map, foreground: .dim, isBold: false, into: &buffer)
        for outcome in restarts {
            guard let (column, row) = cellPosition(of: outcome.end, in: map) else { continue }
            var cell = buffer[column, row]
            cell.scalar = "•"
            cell.style.foreground = outcome.reachedGlobalMinimum ? .good : (outcome.minimumIndex == nil ? .dim : .warning)
            cell.style.isBold = true
            buffer[column, row] = cell
        }
    }

    private func drawPath(in map: Rect, into buffer: inout ScreenBuffer) {
        for trace in traces {
            var canvas = BrailleCanvas(columns: map.width, rows: map.height)
            self.trace(trace.run.history.records.lazy.map(\.weights), on: &canvas, in: map)
            stamp(canvas, in: map, foreground: trace.role, isBold: true, into: &buffer)
        }
    }

    /// Draws the polyline through a path's weights onto a braille canvas.
    private func trace(_ path: some Sequence<[Double]>, on canvas: inout BrailleCanvas, in map: Rect) {
        var previous: (x: Double, y: Double)?
        for weights in path {
            let next = dotPosition(of: weights, in: map)
            if let previous { canvas.line(from: previous, to: next) }
            previous = next
        }
    }

    /// Copies a canvas's drawn cells onto the map, in one colour.
    private func stamp(_ canvas: BrailleCanvas, in map: Rect, foreground: ColorRole, isBold: Bool,
                       into buffer: inout ScreenBuffer) {
        for row in 0..<map.height {
            for column in 0..<map.width {
                guard let scalar = canvas.character(column: column, row: row) else { continue }
                var cell = buffer[map.x + column, map.y + row]
                cell.scalar = scalar
                cell.style.foreground = foreground
                cell.style.isBold = isBold
                buffer[map.x + column, map.y + row] = cell
            }
        }
    }

    private func drawMarkers(in map: Rect, into buffer: inout ScreenBuffer) {
        func mark(_ weights: [Double], _ scalar: Unicode.Scalar, _ role: ColorRole) {
            guard let (column, row) = cellPosition(of: weights, in: map) else { return }
            var cell = buffer[column, row]
            cell.scalar = scalar
            cell.style.foreground = role
            cell.style.isBold = true
            buffer[column, row] = cell
        }
        for minimum in scenario.minima { mark(minimum.point, minimum.isGlobal ? "◆" : "◇", .optimum) }
        mark(run.start, "○", .start)
        for trace in traces {
            mark(trace.run.weights, "●", traces.count == 1 ? .currentPoint : trace.role)
        }
    }

    private func drawAxis(in axis: Rect, into buffer: inout ScreenBuffer) {
        let (horizontalName, verticalName) = scenario.plane.axisNames
        var text = "\(horizontalName) \(Format.number(region.horizontal.lowerBound)) to "
            + "\(Format.number(region.horizontal.upperBound)) →   \(verticalName) "
            + "\(Format.number(region.vertical.lowerBound)) to \(Format.number(region.vertical.upperBound)) ↑"
        if !region.contains(scenario.plane.projection(of: run.weights)) {
            text += "   ● is off the map"
        }
        buffer.put(text, column: axis.x + 1, row: axis.y, style: Style(foreground: .dim), clip: axis)
    }
}
