/// An in-memory grid of cells: what every view draws into and what a
/// `Screen` presents. Writes outside the grid are clipped, never wrapped.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.columns, height: size.rows) }

    public subscript(column: Int, row: Int) -> Cell {
        get {
            guard bounds.contains(column: column, row: row) else { return .blank }
            return cells[row * size.columns + column]
        }
        set {
            guard bounds.contains(column: column, row: row) else { return }
            cells[row * size.columns + column] = newValue
        }
    }

    /// Writes `text` from (column, row) rightwards, clipped to `clip` and
    /// the buffer. Control characters are drawn as their pictures
    /// (`TerminalText.visible`), never sent to the terminal. Returns the
    /// column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let limit = clip ?? bounds
        guard row >= limit.y, row < limit.maxY else { return column }
        var x = column
        for scalar in text.unicodeScalars {
            if x >= limit.maxX { break }
            if x >= limit.x { self[x, row] = Cell(TerminalText.visible(scalar), style: style) }
            x += 1
        }
        return x
    }

    /// Sets every cell of `rect` to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.clipped(to: bounds)
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { cells[row * size.columns + column] = cell }
        }
    }

    /// Changes only the style of every cell in `rect`.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let clipped = rect.clipped(to: bounds)
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { change(&cells[row * size.columns + column].style) }
        }
    }

    /// Each row as text with trailing spaces removed: what `tmux capture-pane -p` shows.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = String.UnicodeScalarView()
            for column in 0..<size.columns { line.append(cells[row * size.columns + column].scalar) }
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// All rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}

extension Rect {
    /// The part of this rectangle inside `other`.
    public func clipped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
