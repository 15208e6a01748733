import DescentCore
import Testing

@Suite struct `JSON parser` {
    /// The error `text` gives, as `line:column: message`, or nil when it parses.
    func error(_ text: String) -> String? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func `every kind of value is read, with objects in file order`() throws {
        let value = try JSONParser.parse(#"{"b": [1, -2.5e3, 0.25], "a": "x", "t": true, "f": false, "n": null, "o": {}}"#)
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["b", "a", "t", "f", "n", "o"])
        #expect(value["b"]?.kind == .array([
            JSONValue(.number(1, text: "1"), at: TextPosition(line: 1, column: 8)),
            JSONValue(.number(-2500, text: "-2.5e3"), at: TextPosition(line: 1, column: 11)),
            JSONValue(.number(0.25, text: "0.25"), at: TextPosition(line: 1, column: 19)),
        ]))
        #expect(value["a"]?.kind == .string("x"))
        #expect(value["t"]?.kind == .bool(true) && value["f"]?.kind == .bool(false) && value["n"]?.kind == .null)
        #expect(value["o"]?.kind == .object([]))
    }

    @Test func `positions count lines and characters, not bytes`() throws {
        let value = try JSONParser.parse("{\n  \"é\": \"ü\", \"k\":\n\t[ 1 ]\n}")
        let members = try #require(value.members)
        #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
        #expect(members[0].value.position == TextPosition(line: 2, column: 8))
        #expect(members[1].keyPosition == TextPosition(line: 2, column: 13))
        #expect(members[1].value.position == TextPosition(line: 3, column: 2))
    }

    @Test func `escapes, surrogate pairs and a byte-order mark are read`() throws {
        let value = try JSONParser.parse("\u{FEFF}" + #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\uD83D\uDE00"]"#)
        guard case .array(let elements) = value.kind else { Issue.record("not an array: \(value)"); return }
        #expect(elements[0].kind == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(elements[1].kind == .string("é😀"))
    }

    @Test(arguments: [
        ("", "1:1: the text is empty; expected a JSON value"),
        ("{", "1:2: unexpected end of the text; expected a key in double quotes (the object opened at 1:1 is not closed)"),
        ("{\"a\": 1", "1:8: unexpected end of the text; expected ',' or '}' (the object opened at 1:1 is not closed)"),
        ("{\"a\": 1,}", "1:9: a comma before '}'; JSON allows no comma after the last member"),
        ("[1, 2,]", "1:7: a comma before ']'; JSON allows no comma after the last element"),
        ("{\"a\": 1 \"b\": 2}", "1:9: expected ',' between members (after the value of \"a\")"),
        ("{\"a\" 1}", "1:6: expected ':' after the key \"a\", found '1'"),
        ("{a: 1}", "1:2: keys take double quotes: \"key\": value"),
        ("{'a': 1}", "1:2: keys take double quotes: \"key\": value"),
        ("['a']", "1:2: strings take double quotes (\"), not single quotes"),
        ("{\"a\": 1, \"a\": 2}", "1:10: the key \"a\" appears twice in this object (first at 1:2)"),
        ("// note\n{}", "1:1: comments are not allowed in JSON"),
        ("{\"a\": 1 /* x */}", "1:9: comments are not allowed in JSON"),
        ("[NaN]", "1:2: NaN is not a JSON number; JSON numbers are finite"),
        ("[Infinity]", "1:2: Infinity is not a JSON number; JSON numbers are finite"),
        ("[True]", "1:2: write true in lower case: JSON has true, false and null"),
        ("[sgd]", "1:2: unexpected word 'sgd'; a string takes double quotes (\"sgd\")"),
        ("[1e999]", "1:2: 1e999 is too large for a 64-bit floating-point number"),
        ("[007]", "1:2: JSON numbers cannot have leading zeros; leave them out"),
        ("[+1]", "1:2: a JSON number cannot start with '+'; leave the sign out"),
        ("[.5]", "1:2: a JSON number cannot start with '.'; write a 0 before it (0.5)"),
        ("[1.]", "1:4: expected a digit after the decimal point"),
        ("[1e]", "1:4: expected a digit in the exponent"),
        ("[-]", "1:2: expected a digit after '-'"),
        ("{} {}", "1:4: unexpected '{' after the end of the JSON value; a JSON text holds exactly one value"),
        ("[\"abc", "1:2: this string is never closed; add the closing \""),
        ("[\"a\nb\"]", "1:4: a line break inside a string (opened at 1:2); close the string on its line, or write \\n for a line break"),
        ("[\"a\u{7}\"]", "1:4: the control character U+0007 inside a string; write it as \\u0007"),
        (#"["\x"]"#, #"1:3: unknown escape '\x'; the escapes are \" \\ \/ \b \f \n \r \t and \uXXXX"#),
        (#"["\u12"]"#, #"1:3: \u takes exactly four hexadecimal digits (\u00e9)"#),
        (#"["\uD83D"]"#, #"1:3: \uD83D is the first half of a UTF-16 surrogate pair; a \uDC00–\uDFFF escape must follow it"#),
        (#"["\uDE00"]"#, #"1:3: \uDE00 is the second half of a UTF-16 surrogate pair with no first half"#),
        ("[1 2]", "1:4: expected ',' or ']' after an element of the array, found '2'"),
        ("[\u{7}]", "1:2: unexpected U+0007; expected a value (an object, an array, a string in double quotes, a number, true, false or null)"),
        ("{\"a\":\n  }", "2:3: unexpected '}'; expected a value (an object, an array, a string in double quotes, a number, true, false or null)"),
    ])
    func `malformed text gives its line, column and what is allowed`(text: String, expected: String) {
        #expect(error(text) == expected, "input: \(text)")
    }

    @Test func `nesting up to the limit parses`() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try JSONParser.parse(text)
    }

    @Test(arguments: [JSONParser.maximumDepth + 1, 100_000])
    func `hostile nesting is an error, not a stack overflow`(depth: Int) {
        let arrays = String(repeating: "[", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth)
        let limit = JSONParser.maximumDepth
        #expect(error(arrays) == "1:\(limit + 1): arrays and objects nested more than \(limit) levels deep; nothing needs that many")
        #expect(error(objects)?.hasPrefix("1:\(5 * limit + 1): arrays and objects nested more than") == true)
    }

    @Test func `random bytes never crash the parser`() {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("{}[]\":,0123456789.-+eE truefalsn\\u/\n\t'x")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            _ = try? JSONParser.parse(text)
        }
    }
}
