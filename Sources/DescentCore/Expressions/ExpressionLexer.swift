/// Splits a loss expression into tokens, tracking line and column.
///
/// Numbers are decimal with an optional fraction and exponent (`3`, `0.5`,
/// `.5`, `2.`, `1e-3`, `6.02E+23`); names start with a letter or `_` and
/// continue with letters, digits and `_`; `#` starts a comment that runs to
/// the end of the line. A line break ends a statement, like `;`.
struct ExpressionLexer {
    let characters: [Character]
    /// The source split into lines, for the caret display of errors.
    let lines: [String]

    init(_ source: String) {
        characters = Array(source)
        var lines: [String] = []
        var current = ""
        for character in characters {
            if character.isNewline {
                lines.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// An error at `line:column` with that line attached.
    func error(line: Int, column: Int, _ message: String) -> ExpressionError {
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        return ExpressionError(line: line, column: column, message: message, sourceLine: text)
    }

    /// Every token, ending with `.end`.
    ///
    /// - Complexity: O(n) in the length of the source.
    func tokens() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var index = 0, line = 1, lineStart = 0
        func column(_ offset: Int) -> Int { offset - lineStart + 1 }

        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isNewline {
                tokens.append(ExpressionToken(kind: .newline, text: "\n", line: line, column: column(start),
                                              start: start, end: start + 1))
                index += 1
                line += 1
                lineStart = index
                continue
            }
            if character.isWhitespace {
                index += 1
                continue
            }
            if character == "#" {
                while index < characters.count && !characters[index].isNewline { index += 1 }
                continue
            }
            if character.isASCII && (character.isNumber || character == ".") {
                index = try scanNumber(from: start, line: line, column: column(start))
                let text = String(characters[start..<index])
                guard let value = Double(text) else {
                    throw error(line: line, column: column(start), "'\(text)' is not a number")
                }
                guard value.isFinite else {
                    throw error(line: line, column: column(start),
                                "the number \(text) is too large: numbers must be finite (at most about 1.8e308)")
                }
                tokens.append(ExpressionToken(kind: .number(value), text: text, line: line, column: column(start),
                                              start: start, end: index))
                continue
            }
            if Self.startsName(character) {
                index += 1
                while index < characters.count && Self.continuesName(characters[index]) { index += 1 }
                let text = String(characters[start..<index])
                tokens.append(ExpressionToken(kind: .name(text), text: text, line: line, column: column(start),
                                              start: start, end: index))
                continue
            }
            let kind: ExpressionToken.Kind
            switch character {
            case "+": kind = .plus
            case "-": kind = .minus
            case "*": kind = .star
            case "/": kind = .slash
            case "^": kind = .caret
            case "(": kind = .leftParenthesis
            case ")": kind = .rightParenthesis
            case ",": kind = .comma
            case "=": kind = .equals
            case ";": kind = .semicolon
            default:
                throw error(line: line, column: column(start), Self.unexpectedCharacterMessage(character))
            }
            index += 1
            tokens.append(ExpressionToken(kind: kind, text: String(character), line: line, column: column(start),
                                          start: start, end: index))
        }
        tokens.append(ExpressionToken(kind: .end, text: "", line: line, column: column(index),
                                      start: index, end: index))
        return tokens
    }

    /// The end of the number starting at `start`: digits, an optional
    /// fraction, and an exponent only when digits follow the `e`.
    private func scanNumber(from start: Int, line: Int, column: Int) throws(ExpressionError) -> Int {
        var index = start
        func isDigit(_ offset: Int) -> Bool {
            offset < characters.count && characters[offset].isASCII && characters[offset].isNumber
        }
        var digits = 0
        while isDigit(index) { index += 1; digits += 1 }
        if index < characters.count && characters[index] == "." {
            index += 1
            while isDigit(index) { index += 1; digits += 1 }
        }
        guard digits > 0 else {
            throw error(line: line, column: column, "'.' must be part of a number, like 0.5 or .5")
        }
        if index < characters.count && (characters[index] == "e" || characters[index] == "E") {
            var exponent = index + 1
            if exponent < characters.count && (characters[exponent] == "+" || characters[exponent] == "-") {
                exponent += 1
            }
            if isDigit(exponent) {
                index = exponent
                while isDigit(index) { index += 1 }
            }
        }
        return index
    }

    static func startsName(_ character: Character) -> Bool {
        character == "_" || character.isLetter
    }

    /// Letters, `_`, ASCII digits and subscript digits (`w₁`); not
    /// superscripts, so `a²` is an error with a hint rather than a name.
    static func continuesName(_ character: Character) -> Bool {
        if character == "_" || character.isLetter { return true }
        if character.isASCII { return character.isNumber }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x2080...0x2089).contains(scalar.value)
    }

    /// Whether `text` could be written as a name in an expression.
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, startsName(first) else { return false }
        return text.dropFirst().allSatisfy(continuesName)
    }

    private static func unexpectedCharacterMessage(_ character: Character) -> String {
        let hint: String = switch character {
        case "×", "·", "⋅": " (write * to multiply)"
        case "−", "–": " (write - for minus)"
        case "÷": " (write / to divide)"
        case "²": " (write ^2 for a square)"
        case "[", "]", "{", "}": " (group with parentheses)"
        default: ""
        }
        return "unexpected character '\(character)'" + hint
    }
}
