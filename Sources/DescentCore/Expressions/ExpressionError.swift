/// A mistake in a loss expression typed by a person: where it is, what was
/// wrong, and (in `description`) the line with a caret under the spot.
///
///     1:5: expected a number or a name after '*'
///       a * * b
///           ^
///
/// Lines and columns count from 1; a column counts characters, so the caret
/// lines up under the character it names (tabs in the line are repeated in
/// the caret line for the same reason).
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the spot, from 1.
    public let line: Int
    /// The column of the spot, from 1 (one past the last character when the
    /// input ended too early).
    public let column: Int
    /// What was wrong and, where it helps, what is allowed.
    public let message: String
    /// The text of the line the spot is on, for the caret display.
    public let sourceLine: String

    /// An error at `line:column` of `sourceLine`.
    public init(line: Int, column: Int, message: String, sourceLine: String) {
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// Characters of context shown before and after the spot when the line
    /// is too long to show whole.
    static let contextBefore = 60, contextAfter = 20

    /// `line:column: message`, then the line (cut around the spot when it is
    /// long) and a caret under the spot, each indented by two spaces.
    public var description: String {
        let characters = Array(sourceLine)
        let spot = max(0, column - 1)
        var start = 0, end = characters.count
        var prefix = "", suffix = ""
        if spot > Self.contextBefore {
            start = spot - Self.contextBefore
            prefix = "…"
        }
        if end - spot > Self.contextAfter + 1 {
            end = spot + Self.contextAfter + 1
            suffix = "…"
        }
        let shown = start < end ? String(characters[start..<end]) : ""
        var caret = prefix.isEmpty ? "" : " "
        for character in characters[start..<min(spot, characters.count)] {
            caret.append(character == "\t" ? "\t" : " ")
        }
        caret += String(repeating: " ", count: max(0, spot - characters.count))
        return "\(line):\(column): \(message)\n  \(prefix)\(shown)\(suffix)\n  \(caret)^"
    }
}
