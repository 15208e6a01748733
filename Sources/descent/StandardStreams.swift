import DescentUI
import Glibc

/// Writing to stdout and stderr without touching C's global `FILE*`s, which
/// Swift 6 rejects as shared mutable state. Text goes through
/// `TerminalText.sanitized`: a title or a name read from a file cannot send
/// escape sequences to the person's terminal.
enum StandardStreams {
    static func write(_ text: String, to descriptor: Int32) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            remaining = remaining.dropFirst(written)
        }
    }

    static func output(_ text: String) { write(TerminalText.sanitized(text), to: 1) }
    static func error(_ text: String) { write(TerminalText.sanitized(text), to: 2) }

    /// Writes `text` as it is: for the escape codes of `descent render --ansi`.
    static func outputEscapeCodes(_ text: String) { write(text, to: 1) }
}
