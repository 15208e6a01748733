import DescentUI
import Glibc

/// Writing to stdout and stderr without touching C's global `FILE*`s, which
/// Swift 6 rejects as shared mutable state. Text goes through
/// `TerminalText.sanitized`: a title or a name read from a file cannot send
/// escape sequences to the person's terminal.
///
/// Output that cannot be written (a full disk, a closed pipe when SIGPIPE
/// is ignored) ends the program at once with the reason and exit status 1,
/// as `cat` and `cp` do: a run that kept computing would end with status 0
/// and a truncated CSV that looks complete.
enum StandardStreams {
    static func write(_ text: String, to descriptor: Int32) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                if descriptor == 1 { failedOutput(errno: written < 0 ? errno : EIO) }
                return
            }
            remaining = remaining.dropFirst(written)
        }
    }

    static func output(_ text: String) { write(TerminalText.sanitized(text), to: 1) }
    static func error(_ text: String) { write(TerminalText.sanitized(text), to: 2) }

    /// Writes `text` as it is: for the escape codes of `descent render --ansi`.
    static func outputEscapeCodes(_ text: String) { write(text, to: 1) }

    private static func failedOutput(errno code: Int32) -> Never {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        error("descent: cannot write the output: \(reason.prefix(1).lowercased() + reason.dropFirst())\n")
        exit(1)
    }
}
