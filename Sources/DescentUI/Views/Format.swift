import Foundation

/// Number formatting for the screen: short, and exact where a person typed
/// or doubled a value.
public enum Format {
    /// Four significant digits (`1.507`, `0.02851`, `1.235e+06`).
    public static func number(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        return String(format: "%.\(digits)g", value)
    }

    /// The shortest text that reads back as `value` (`0.05`, `0.0125`), or
    /// `number(_:)` when that would be long.
    public static func exact(_ value: Double) -> String {
        if !value.isFinite { return number(value) }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text.count <= 10 ? text : number(value, digits: 6)
    }

    /// `count` and the noun agreeing with it: "1 step", "0 steps", "3 steps".
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// `text` cut to `width` characters, ending in "…" when it was longer.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(max(0, width))) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` broken into lines of at most `width` characters at spaces
    /// (a word longer than the width is cut).
    public static func wrapped(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let piece = String(word.prefix(width))
            if current.isEmpty {
                current = piece
            } else if current.count + 1 + piece.count <= width {
                current += " " + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Text padded on the right to `width`.
    public static func paddedRight(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A number padded on the left to `width`.
    public static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
