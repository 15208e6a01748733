/// A dot canvas with 2×4 dots per cell, drawn as Unicode braille.
///
/// Dot coordinates: x grows rightwards from 0 to `2·columns − 1`, y grows
/// downwards from 0 to `4·rows − 1`. Lines are clipped to the canvas before
/// they are rasterised, so a point far outside (a diverged run at 1e300)
/// costs nothing.
public struct BrailleCanvas: Sendable {
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    // Braille dot numbering: bit for (x in cell, y in cell).
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y); ignored outside the canvas.
    public mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        bits[(y / 4) * columns + x / 2] |= Self.dotBits[x % 2][y % 4]
    }

    /// A straight line between two points in dot coordinates (fractional
    /// values allowed), clipped to the canvas.
    public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
        guard let (a, b) = clip(start, end) else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let steps = Int(max(Swift.abs(dx), Swift.abs(dy)).rounded(.up))
        if steps == 0 {
            set(x: Int(a.x.rounded(.down)), y: Int(a.y.rounded(.down)))
            return
        }
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            set(x: Int((a.x + t * dx).rounded(.down)), y: Int((a.y + t * dy).rounded(.down)))
        }
    }

    /// The braille character for a cell, or nil when no dot is set there.
    public func character(column: Int, row: Int) -> Unicode.Scalar? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        let value = bits[row * columns + column]
        return value == 0 ? nil : Unicode.Scalar(0x2800 + UInt32(value))
    }

    /// Liang–Barsky clipping of a segment to [0, dotWidth) × [0, dotHeight).
    private func clip(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double))
        -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard p.x.isFinite, p.y.isFinite, q.x.isFinite, q.y.isFinite else { return nil }
        let maxX = Double(dotWidth) - 1e-9, maxY = Double(dotHeight) - 1e-9
        let dx = q.x - p.x, dy = q.y - p.y
        var t0 = 0.0, t1 = 1.0
        for (denominator, numerator) in [(-dx, p.x), (dx, maxX - p.x), (-dy, p.y), (dy, maxY - p.y)] {
            if denominator == 0 {
                if numerator < 0 { return nil }
            } else {
                let t = numerator / denominator
                if denominator < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        guard t0 <= t1 else { return nil }
        return ((p.x + t0 * dx, p.y + t0 * dy), (p.x + t1 * dx, p.y + t1 * dy))
    }
}
