/// One statement of a loss expression, for display: `c = a + b` has the
/// name `c` and the text `c = a + b`; the loss itself may be unnamed.
public struct ExpressionStatement: Sendable, Equatable {
    /// The name it assigns, or nil for a bare final expression.
    public let name: String?
    /// The statement as typed, from its first token to its last.
    public let text: String
    /// Where it starts, from 1.
    public let line: Int
    public let column: Int

    public init(name: String?, text: String, line: Int, column: Int) {
        self.name = name
        self.text = text
        self.line = line
        self.column = column
    }
}
