// Design: a recursive-descent parser over the text's UTF-8 bytes that counts
// lines and columns as it consumes them, so every value and every error
// carries its position. Recursion is bounded by `maximumDepth` (checked
// before descending), so hostile input such as ten thousand `[` is a clean
// error instead of a stack overflow, and the values it builds are never
// deep enough to overflow the stack when they are destroyed either.
// Strict RFC 8259: no comments, no trailing commas, no NaN or Infinity,
// no single quotes, no duplicate keys; each gets a message of its own
// because people write them.

/// Reads JSON text (RFC 8259) into `JSONValue`s that remember where they
/// were written.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted. A scenario file
    /// needs about five levels; the limit only stops hostile input.
    public static let maximumDepth = 64

    /// The value `text` holds.
    ///
    /// - Throws: `JSONSyntaxError` at the first problem, with its line and
    ///   column and what was expected there.
    /// - Complexity: O(length of `text`).
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(Array(text.utf8))
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        guard scanner.current != nil else {
            throw JSONSyntaxError(at: scanner.position, "the text is empty; expected a JSON value")
        }
        let value = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        if scanner.current != nil {
            throw JSONSyntaxError(at: scanner.position,
                                  "unexpected \(scanner.describeCurrent()) after the end of the JSON value; "
                                      + "a JSON text holds exactly one value")
        }
        return value
    }
}

/// The parser's cursor: the bytes, the index of the next one, and its line
/// and column.
struct JSONScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var position: TextPosition { TextPosition(line: line, column: column) }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == ASCII.newline {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // A continuation byte belongs to the scalar already counted.
            column += 1
        }
    }

    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline
            || byte == ASCII.carriageReturn {
            advance()
        }
    }

    /// Skips whitespace and rejects a comment where whitespace may be.
    mutating func skipSpace() throws(JSONSyntaxError) {
        skipWhitespace()
        if current == ASCII.slash, peek(1) == ASCII.slash || peek(1) == ASCII.asterisk {
            throw JSONSyntaxError(at: position, "comments are not allowed in JSON")
        }
    }

    // MARK: Values

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try skipSpace()
        let start = position
        guard let byte = current else {
            throw JSONSyntaxError(at: start, "unexpected end of the text; expected a value")
        }
        switch byte {
        case ASCII.openBrace, ASCII.openBracket:
            guard depth < JSONParser.maximumDepth else {
                throw JSONSyntaxError(at: start, "arrays and objects nested more than "
                                          + "\(JSONParser.maximumDepth) levels deep; nothing needs that many")
            }
            return byte == ASCII.openBrace ? try object(depth: depth + 1) : try array(depth: depth + 1)
        case ASCII.quote:
            return JSONValue(.string(try string()), at: start)
        case ASCII.minus, ASCII.zero...ASCII.nine:
            return try number()
        case ASCII.apostrophe:
            throw JSONSyntaxError(at: start, "strings take double quotes (\"), not single quotes")
        case ASCII.plus:
            throw JSONSyntaxError(at: start, "a JSON number cannot start with '+'; leave the sign out")
        case ASCII.dot:
            throw JSONSyntaxError(at: start, "a JSON number cannot start with '.'; write a 0 before it (0.5)")
        default:
            if ASCII.isLetter(byte) { return try literal() }
            throw JSONSyntaxError(at: start, "unexpected \(describeCurrent()); expected a value "
                                      + "(an object, an array, a string in double quotes, a number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = position
        advance()
        var members: [JSONMember] = []
        var firstPositions: [String: TextPosition] = [:]
        try skipSpace()
        if current == ASCII.closeBrace {
            advance()
            return JSONValue(.object(members), at: start)
        }
        while true {
            try skipSpace()
            let keyPosition = position
            switch current {
            case ASCII.quote?:
                break
            case ASCII.closeBrace?:
                throw JSONSyntaxError(at: keyPosition, "a comma before '}'; JSON allows no comma after the last member")
            case nil:
                throw unclosed("object", openedAt: start, expected: "a key in double quotes")
            case let byte?:
                if ASCII.isLetter(byte) || byte == ASCII.apostrophe {
                    throw JSONSyntaxError(at: keyPosition, "keys take double quotes: \"key\": value")
                }
                throw JSONSyntaxError(at: keyPosition, "unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let key = try string()
            if let first = firstPositions[key] {
                throw JSONSyntaxError(at: keyPosition, "the key \"\(key)\" appears twice in this object (first at \(first))")
            }
            firstPositions[key] = keyPosition
            try skipSpace()
            guard current == ASCII.colon else {
                if current == nil { throw unclosed("object", openedAt: start, expected: "':'") }
                throw JSONSyntaxError(at: position, "expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            advance()
            let member = try value(depth: depth)
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: member))
            try skipSpace()
            switch current {
            case ASCII.comma?:
                advance()
            case ASCII.closeBrace?:
                advance()
                return JSONValue(.object(members), at: start)
            case nil:
                throw unclosed("object", openedAt: start, expected: "',' or '}'")
            case ASCII.quote?:
                throw JSONSyntaxError(at: position, "expected ',' between members (after the value of \"\(key)\")")
            default:
                throw JSONSyntaxError(at: position, "expected ',' or '}' after the value of \"\(key)\", "
                                          + "found \(describeCurrent())")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = position
        advance()
        var elements: [JSONValue] = []
        try skipSpace()
        if current == ASCII.closeBracket {
            advance()
            return JSONValue(.array(elements), at: start)
        }
        while true {
            try skipSpace()
            if current == ASCII.closeBracket {
                throw JSONSyntaxError(at: position, "a comma before ']'; JSON allows no comma after the last element")
            }
            if current == nil { throw unclosed("array", openedAt: start, expected: "a value") }
            elements.append(try value(depth: depth))
            try skipSpace()
            switch current {
            case ASCII.comma?:
                advance()
            case ASCII.closeBracket?:
                advance()
                return JSONValue(.array(elements), at: start)
            case nil:
                throw unclosed("array", openedAt: start, expected: "',' or ']'")
            default:
                throw JSONSyntaxError(at: position, "expected ',' or ']' after an element of the array, "
                                          + "found \(describeCurrent())")
            }
        }
    }

    private func unclosed(_ container: String, openedAt start: TextPosition, expected: String) -> JSONSyntaxError {
        JSONSyntaxError(at: position, "unexpected end of the text; expected \(expected) "
                            + "(the \(container) opened at \(start) is not closed)")
    }

    // MARK: Strings

    /// The string starting at the current `"`, escapes resolved.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = position
        advance()
        var utf8: [UInt8] = []
        var runStart = index
        while true {
            guard let byte = current else {
                throw JSONSyntaxError(at: start, "this string is never closed; add the closing \"")
            }
            if byte == ASCII.quote {
                utf8 += bytes[runStart..<index]
                advance()
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 {
                if byte == ASCII.newline || byte == ASCII.carriageReturn {
                    throw JSONSyntaxError(at: position, "a line break inside a string (opened at \(start)); "
                                              + "close the string on its line, or write \\n for a line break")
                }
                throw JSONSyntaxError(at: position, "the control character \(Self.codePoint(UInt32(byte))) inside a string; "
                                          + "write it as \\u\(Self.hex4(UInt32(byte)))")
            }
            if byte == ASCII.backslash {
                utf8 += bytes[runStart..<index]
                let scalar = try escape()
                utf8 += Array(String(Character(scalar)).utf8)
                runStart = index
                continue
            }
            advance()
        }
    }

    /// The scalar an escape sequence stands for; the cursor is on its `\`.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let byte = current else {
            throw JSONSyntaxError(at: start, "the text ends inside an escape sequence")
        }
        let simple: [UInt8: Unicode.Scalar] = [
            ASCII.quote: "\"", ASCII.backslash: "\\", ASCII.slash: "/", UInt8(ascii: "b"): "\u{08}",
            UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
        ]
        if let scalar = simple[byte] {
            advance()
            return scalar
        }
        guard byte == UInt8(ascii: "u") else {
            throw JSONSyntaxError(at: start, "unknown escape '\\\(describeRaw())'; the escapes are "
                                      + "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
        advance()
        let first = try hexQuad(escapeStart: start)
        if (0xDC00...0xDFFF).contains(first) {
            throw JSONSyntaxError(at: start, "\\u\(Self.hex4(first)) is the second half of a UTF-16 surrogate pair "
                                      + "with no first half")
        }
        if (0xD800...0xDBFF).contains(first) {
            guard current == ASCII.backslash, peek(1) == UInt8(ascii: "u") else {
                throw JSONSyntaxError(at: start, "\\u\(Self.hex4(first)) is the first half of a UTF-16 surrogate pair; "
                                          + "a \\uDC00–\\uDFFF escape must follow it")
            }
            let secondStart = position
            advance()
            advance()
            let second = try hexQuad(escapeStart: secondStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONSyntaxError(at: secondStart, "\\u\(Self.hex4(second)) cannot follow \\u\(Self.hex4(first)); "
                                          + "the second half of a surrogate pair is \\uDC00–\\uDFFF")
            }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(combined) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func hexQuad(escapeStart: TextPosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = ASCII.hexValue(byte) else {
                throw JSONSyntaxError(at: escapeStart, "\\u takes exactly four hexadecimal digits (\\u00e9)")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    // MARK: Numbers and literals

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let first = index
        if current == ASCII.minus { advance() }
        guard let lead = current, ASCII.isDigit(lead) else {
            throw JSONSyntaxError(at: start, "expected a digit after '-'")
        }
        advance()
        if lead == ASCII.zero, let next = current, ASCII.isDigit(next) {
            throw JSONSyntaxError(at: start, "JSON numbers cannot have leading zeros; leave them out")
        }
        skipDigits()
        if current == ASCII.dot {
            advance()
            guard let byte = current, ASCII.isDigit(byte) else {
                throw JSONSyntaxError(at: position, "expected a digit after the decimal point")
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == ASCII.plus || current == ASCII.minus { advance() }
            guard let byte = current, ASCII.isDigit(byte) else {
                throw JSONSyntaxError(at: position, "expected a digit in the exponent")
            }
            skipDigits()
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(at: start, "\(text) is too large for a 64-bit floating-point number")
        }
        return JSONValue(.number(value, text: text), at: start)
    }

    private mutating func skipDigits() {
        while let byte = current, ASCII.isDigit(byte) { advance() }
    }

    private mutating func literal() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let first = index
        while let byte = current, ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "_") { advance() }
        let word = String(decoding: bytes[first..<index], as: UTF8.self)
        switch word {
        case "true": return JSONValue(.bool(true), at: start)
        case "false": return JSONValue(.bool(false), at: start)
        case "null": return JSONValue(.null, at: start)
        case "NaN", "nan", "Infinity", "inf":
            throw JSONSyntaxError(at: start, "\(word) is not a JSON number; JSON numbers are finite")
        default:
            if ["true", "false", "null"].contains(word.lowercased()) {
                throw JSONSyntaxError(at: start, "write \(word.lowercased()) in lower case: JSON has true, false and null")
            }
            throw JSONSyntaxError(at: start, "unexpected word '\(word)'; a string takes double quotes (\"\(word)\")")
        }
    }

    // MARK: Describing bytes

    /// The character at the cursor, quoted, or its code point when it is
    /// invisible: `'x'`, `U+0007`.
    func describeCurrent() -> String {
        guard current != nil else { return "the end of the text" }
        let scalar = scalarAtCursor()
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace {
            return Self.codePoint(scalar.value)
        }
        return "'\(Character(scalar))'"
    }

    /// The character at the cursor, unquoted.
    private func describeRaw() -> String {
        guard current != nil else { return "" }
        return String(Character(scalarAtCursor()))
    }

    private func scalarAtCursor() -> Unicode.Scalar {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    static func codePoint(_ value: UInt32) -> String { "U+" + hex4(value) }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The bytes the grammar names.
enum ASCII {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/"), asterisk = UInt8(ascii: "*")
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case zero...nine: UInt32(byte - zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
