/// One token of a loss expression, with where it starts, for error messages.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)
        case plus, minus, star, slash, caret
        case leftParenthesis, rightParenthesis, comma, equals
        /// `;` or a line break: both end a statement.
        case semicolon, newline
        case end
    }

    let kind: Kind
    /// The characters as typed ("1e-3", "sigmoid", "*").
    let text: String
    /// Line and column of the first character, from 1.
    let line: Int
    let column: Int
    /// Offsets into the source's characters: `[start, end)`.
    let start: Int
    let end: Int

    /// How a message quotes the token: `'*'`, `'sigmoid'`, "the end of the input".
    var quoted: String {
        switch kind {
        case .end: "the end of the input"
        case .newline: "the end of the line"
        default: "'\(text)'"
        }
    }

    var isStatementEnd: Bool {
        switch kind {
        case .semicolon, .newline, .end: true
        default: false
        }
    }

    var name: String? {
        if case .name(let name) = kind { return name }
        return nil
    }
}
