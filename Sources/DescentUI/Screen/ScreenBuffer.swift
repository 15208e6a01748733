/// An in-memory grid of cells: what every view draws into and what a
/// `Screen` presents. Writes outside the grid are clipped, never wrapped.
///
/// A wide character (CJK, emoji) takes two cells, its own and a
/// `Cell.continuation` after it, as it does on the terminal. Every write
/// keeps the pair whole: overwriting either half blanks the other.
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
            let index = row * size.columns + column
            breakWideCharacter(at: index)
            cells[index] = newValue
        }
    }

    /// Blanks the other half of a wide character whose half at `index` is
    /// about to be overwritten, so no half is left on its own.
    private mutating func breakWideCharacter(at index: Int) {
        let column = index % size.columns
        if cells[index].isContinuation, column > 0 {
            cells[index - 1].scalar = " "
        } else if column + 1 < size.columns, cells[index + 1].isContinuation {
            cells[index + 1].scalar = " "
        }
    }

    /// Writes `text` from (column, row) rightwards, clipped to `clip` and
    /// the buffer. Control characters are drawn as their pictures
    /// (`TerminalText.visible`), never sent to the terminal; a wide
    /// character takes two cells (a blank where only half would fit);
    /// combining marks and invisible format characters take none and are
    /// left out. Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let limit = clip ?? bounds
        guard row >= limit.y, row < limit.maxY else { return column }
        var x = column
        for original in text.unicodeScalars {
            if x >= limit.maxX { break }
            let scalar = TerminalText.visible(original)
            switch TerminalText.cellWidth(of: scalar) {
            case 0:
                continue
            case 1:
                if x >= limit.x { self[x, row] = Cell(scalar, style: style) }
                x += 1
            default:
                let fits = x >= limit.x && x + 1 < limit.maxX
                if fits {
                    self[x, row] = Cell(scalar, style: style)
                    self[x + 1, row] = .continuation(style: style)
                } else {
                    // Half a wide character cannot be drawn: blank the half in view.
                    if x >= limit.x { self[x, row] = Cell(" ", style: style) }
                    if x + 1 >= limit.x, x + 1 < limit.maxX { self[x + 1, row] = Cell(" ", style: style) }
                }
                x += 2
            }
        }
        return x
    }

    /// Sets every cell of `rect` to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.clipped(to: bounds)
        guard clipped.width > 0 else { return }
        for row in clipped.y..<clipped.maxY {
            // Only the edges can cut a wide character in two.
            breakWideCharacter(at: row * size.columns + clipped.x)
            breakWideCharacter(at: row * size.columns + clipped.maxX - 1)
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

    /// Each row as text with trailing spaces removed: what `tmux capture-pane -p` shows
    /// (a wide character once, for its two cells).
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = String.UnicodeScalarView()
            for column in 0..<size.columns where !cells[row * size.columns + column].isContinuation {
                line.append(cells[row * size.columns + column].scalar)
            }
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
