/// Every cell in plain ASCII, for terminals and fonts without braille or box
/// drawing (a Linux console, some Windows fonts), for screen readers that
/// spell out symbols, and for text pasted where only ASCII survives.
///
/// One scalar per cell is replaced by one, so layouts never move: box lines
/// become `-`, `|` and `+`, braille lines (paths, loss curves) `*`, contour
/// dots `.`, the markers `o` start, `@` current, `X` global and `x` local
/// minimum; anything without a stand-in becomes `?`.
public enum ASCIIFallback {
    public static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar }
        switch scalar.value {
        case 0x2800: return " "                       // a braille cell with no dots
        case 0x2801...0x28FF: return "*"              // braille lines: paths, curves, graph edges
        case 0x2500, 0x2501, 0x2504, 0x2508, 0x254C, 0x2574, 0x2576: return "-"
        case 0x2502, 0x2503, 0x2506, 0x250A, 0x254E, 0x2575, 0x2577, 0x258F, 0x2595: return "|"
        case 0x250C...0x254B, 0x256D...0x2570: return "+"   // corners and tees
        case 0x2580...0x259F: return "#"              // blocks (bars, shades)
        default: break
        }
        return named[scalar] ?? "?"
    }

    /// Stand-ins for the symbols the views and the lessons use.
    static let named: [Unicode.Scalar: Unicode.Scalar] = [
        "·": ".", "•": "*", "…": ".", "⋯": ".", "○": "o", "◌": "o", "●": "@", "◆": "X", "◇": "x",
        "▶": ">", "▸": ">", "◀": "<", "◂": "<", "❚": "|", "→": ">", "←": "<", "↑": "^", "↓": "v",
        "✓": "+", "✗": "x", "×": "x", "÷": "/", "−": "-", "–": "-", "—": "-", "≤": "<", "≥": ">", "≈": "~",
        "≠": "#", "±": "+", "²": "2", "³": "3", "⁴": "4", "₀": "0", "₁": "1", "₂": "2", "√": "V", "∂": "d",
        "∇": "V", "Σ": "S", "∑": "S", "η": "n", "α": "a", "β": "b", "ε": "e", "μ": "u", "θ": "t", "π": "p",
        "‖": "|", "′": "'", "“": "\"", "”": "\"", "‘": "'", "’": "'", "␀": "?", "°": "o", "∞": "8",
    ]
}

extension ScreenBuffer {
    /// This frame with every cell in ASCII (`ASCIIFallback`); a wide
    /// character's two cells become `?` and a space.
    public func asciiOnly() -> ScreenBuffer {
        var copy = self
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                var cell = self[column, row]
                // Writing the first half already blanked the second.
                guard !cell.isContinuation else { continue }
                cell.scalar = ASCIIFallback.character(for: cell.scalar)
                copy[column, row] = cell
            }
        }
        return copy
    }
}
