/// One statement of a loss expression, for display: `c = a + b` has the
/// name `c` and the text `c = a + b`; the loss itself may be unnamed.
public struct ExpressionStatement: Sendable, Equatable {
    /// The name it assigns, or nil for a bare final expression.
    public let name: String?
    /// The statement as typed, from its first token to its last.
    public let text: String
    /// The line it starts on, from 1.
    public let line: Int
    /// The column it starts at, from 1.
    public let column: Int

    /// A statement as the compiler records it.
    public init(name: String?, text: String, line: Int, column: Int) {
        self.name = name
        self.text = text
        self.line = line
        self.column = column
    }
}
