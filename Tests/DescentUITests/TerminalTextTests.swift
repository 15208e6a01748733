import Glibc
import DescentCore
import DescentUI
import Testing

/// Control characters from people and files never reach the terminal: they
/// are shown as their pictures.
@Suite struct `Text is made safe for the terminal` {
    @Test(arguments: [
        ("\u{1B}", "␛"), ("\u{00}", "␀"), ("\u{07}", "␇"), ("\r", "␍"), ("\u{08}", "␈"), ("\u{7F}", "␡"),
        ("\u{9B}", "\u{FFFD}"), ("\u{85}", "\u{FFFD}"), ("a", "a"), ("λ", "λ"), ("⣿", "⣿"), ("\u{A0}", "\u{A0}"),
    ] as [(Unicode.Scalar, Unicode.Scalar)])
    func `each control character has a visible stand-in; other characters are themselves`(
        scalar: Unicode.Scalar, expected: Unicode.Scalar
    ) {
        #expect(TerminalText.visible(scalar) == expected, "U+\(String(scalar.value, radix: 16))")
    }

    @Test func `sanitized text keeps line feeds and tabs and shows every other control`() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb\r\n\tc\u{9B}31m") == "a␛[2Jb␍\n\tc\u{FFFD}31m")
        #expect(TerminalText.sanitized("descent · mse-fit\n") == "descent · mse-fit\n")
    }

    @Test func `a buffer draws an escape character as its picture, never as itself`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 12, rows: 1))
        buffer.put("a\u{1B}[31mb\u{7}", column: 0, row: 0)
        #expect(buffer.lines == ["a␛[31mb␇"])
        #expect(!AnsiRenderer().render(buffer).contains("\u{1B}[31m"))
    }

    @Test func `control characters typed into the command line are dropped`() {
        var state = explorer()
        state.handle(.character(":"))
        for character in "lr \u{1}\u{1B}[31m0.5" { state.handle(.character(character)) }
        #expect(state.commandLine == "lr [31m0.5")
    }
}

/// Wide characters take two cells in the buffer, as on the terminal, so
/// nothing after them on the row is pushed out of place.
@Suite struct `Wide and zero-width characters keep the grid in step with the terminal` {
    /// glibc's `wcwidth` under C.UTF-8 (what ncurses and tmux use), for this
    /// thread only; nil when the C.UTF-8 locale is missing.
    static func systemWidths() -> ((UInt32) -> Int32)? {
        guard let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil),
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        uselocale(locale)
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        return { wcwidth(Int32(bitPattern: $0)) }
    }

    @Test func `every character's width matches the system's, where the system draws it`() throws {
        let system = try #require(Self.systemWidths(), "the C.UTF-8 locale is missing")
        var mismatches: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let expected = system(value)
            // glibc leaves unassigned and private-use code points at -1 or 1; what it draws must agree.
            guard expected >= 0 else { continue }
            if TerminalText.cellWidth(of: scalar) != Int(expected) {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(20))")
    }

    @Test func `a wide character takes two cells and the text after it stays in step`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        let end = buffer.put("a日本b", column: 0, row: 0)
        #expect(end == 6)
        #expect(buffer.lines == ["a日本b"])
        #expect(buffer[1, 0].scalar == "日" && buffer[2, 0].isContinuation && buffer[5, 0].scalar == "b")
    }

    @Test func `half a wide character is never left on its own`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 6, rows: 1))
        buffer.put("日本語", column: 0, row: 0)
        buffer.put("x", column: 1, row: 0)         // over the right half of 日
        buffer[2, 0] = Cell("y")                    // over the left half of 本
        #expect(buffer.lines == [" xy 語"])
        buffer.fill(Rect(x: 5, y: 0, width: 1, height: 1)) // over the right half of 語
        #expect(buffer.lines == [" xy"])
        var clipped = ScreenBuffer(size: TerminalSize(columns: 5, rows: 1))
        clipped.put("ab日本", column: 0, row: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(clipped.lines == ["ab日"], "本 does not fit in the last cell: a blank instead")
        #expect(!clipped[4, 0].isContinuation)
    }

    @Test func `combining marks and invisible characters take no cell`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 8, rows: 1))
        let end = buffer.put("e\u{301}a\u{200B}b\u{FE0F}c", column: 0, row: 0)
        #expect(end == 4)
        #expect(buffer.lines == ["eabc"])
    }

    @Test func `escape codes are written once for each wide character`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 4, rows: 1))
        buffer.put("日本", column: 0, row: 0)
        #expect(AnsiRenderer().render(buffer).contains("日本\u{1B}[0m"))
    }

    @Test func `a frame with wide weight names is as wide as the terminal on every row`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("日本^2 + 가^2"), start: [1, 2])
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 100, rows: 30))
        state.sampleSurfaceNow()
        for keys in ["", "g", "?", ":lr 日本語"] {
            for key in keys { state.handle(.character(key)) }
            let frame = ExplorerRenderer.render(state)
            for row in 0..<frame.size.rows {
                let width = (0..<frame.size.columns).reduce(0) { total, column in
                    let cell = frame[column, row]
                    return total + (cell.isContinuation ? 0 : TerminalText.cellWidth(of: cell.scalar))
                }
                #expect(width == 100, "after '\(keys)', row \(row): \(frame.lines[row])")
            }
        }
    }
}
