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
