/// `descent COMMAND --help`: the command's usage lines and the sections of
/// the full help that concern it, cut from `Usage.text` so the two never
/// disagree.
enum CommandHelp {
    /// The sections (by the start of their heading) each command's help shows.
    static let sections: [String: [String]] = [
        "render": ["SCENARIO", "RENDER OPTIONS", "SURFACE OPTIONS", "EXPRESSIONS", "FUNCTIONS"],
        "run": ["SCENARIO", "RUN OPTIONS", "SURFACE OPTIONS", "EXPRESSIONS", "FUNCTIONS"],
        "sweep": ["SCENARIO", "SWEEP OPTIONS", "RUN OPTIONS", "SURFACE OPTIONS", "EXPRESSIONS", "FUNCTIONS"],
        "grad": ["GRAD OPTIONS", "EXPRESSIONS", "FUNCTIONS"],
        "check": ["SCENARIO"],
        "list": ["SCENARIO"],
        "tour": ["KEYS IN THE EXPLORER"],
        "bench": [],
    ]

    /// The help for `command`, or nil for a command without its own.
    static func text(for command: String) -> String? {
        guard let wanted = sections[command] else { return nil }
        let lines = Usage.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var usage: [String] = []
        var inUsage = false, capturing = false
        for line in lines {
            if line == "USAGE" { inUsage = true; continue }
            if inUsage && line.isEmpty { break }
            guard inUsage else { continue }
            // A command's own line starts capturing; its indented continuation lines follow it.
            if line.hasPrefix("  descent ") { capturing = line.hasPrefix("  descent \(command)") }
            if capturing { usage.append(line) }
        }
        var text = "USAGE\n" + usage.joined(separator: "\n") + "\n"
        for heading in wanted {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { continue }
            var end = start + 1
            while end < lines.count, !isHeading(lines[end]) { end += 1 }
            text += "\n" + lines[start..<end].joined(separator: "\n").trimmingTrailingNewlines() + "\n"
        }
        return text
    }

    /// `descent --help [COMMAND]`: the full help, or one command's. Anything
    /// else after `--help` is a mistake to report, not to ignore.
    static func text(answering words: [String]) throws(UsageError) -> String {
        guard let command = words.first else { return Usage.text + "\n" }
        guard words.count == 1 else {
            throw UsageError("--help takes at most one command, got '\(words.joined(separator: " "))'")
        }
        guard let help = text(for: command) else {
            throw UsageError("--help: no command '\(command)' (commands: \(sections.keys.sorted().joined(separator: ", ")))")
        }
        return help
    }

    /// A line that starts a section: it begins with a capital letter in column 0.
    private static func isHeading(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
