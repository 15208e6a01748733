// Text from people and their files (a scenario's title, a typed command, a
// file name in an error) can hold control characters. Written as they are,
// ESC starts an escape sequence (clear the screen, recolour everything
// after it), CR and BS move the cursor back over what was drawn, and C1
// codes such as U+009B act as ESC [ on many terminals. Every such character
// is shown as its picture instead (ESC as ␛, like `cat -v` shows ^[), so
// the text stays readable and the terminal stays intact.

/// Makes text safe to write to a terminal: control characters become
/// visible one-cell symbols.
public enum TerminalText {
    /// The scalar to show in place of `scalar`: the Control Pictures symbol
    /// for C0 controls (U+2400–U+241F: ␀ … ␛ …) and DEL (␡), U+FFFD for C1
    /// controls (U+0080–U+009F); every other scalar is itself.
    public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x80..<0xA0: "\u{FFFD}"
        default: scalar
        }
    }

    /// `text` with every control character made `visible`, except line
    /// feeds and tabs, which lay out lines as intended.
    ///
    /// - Complexity: O(length of `text`); text without control characters
    ///   is returned as it is.
    public static func sanitized(_ text: String) -> String {
        func isKept(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\t" || visible(scalar) == scalar }
        guard !text.unicodeScalars.allSatisfy(isKept) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isKept(scalar) ? scalar : visible(scalar)) }
        return String(result)
    }
}
