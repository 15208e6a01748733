import DescentCore
import Glibc

/// `descent list`: the presets, then the scenarios of each `--scenarios`
/// folder, one a line in three aligned columns: the name to open it by, its
/// title and the first sentence of its lesson. On a terminal, lines are cut
/// to its width; piped, they are whole. A folder's file that does not load
/// is listed with a pointer to `descent check`.
enum ListCommand {
    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: [], flags: [], command: "list")
        guard arguments.positionals.isEmpty else {
            throw UsageError("list: takes no arguments, got \(arguments.positionals.joined(separator: " "))")
        }
        let (entries, unreadable) = ScenarioLookup.entries()
        var sections: [(header: String?, rows: [[String]])] = [(nil, [])]
        var currentFolder: String?
        for entry in entries.filter({ $0.folder == nil }) + entries.filter({ $0.folder != nil }) {
            if let folder = entry.folder, folder != currentFolder {
                sections.append(("\(folder) (--scenarios):", []))
                currentFolder = folder
            }
            sections[sections.count - 1].rows.append(row(for: entry))
        }
        let rows = sections.flatMap(\.rows)
        let nameWidth = rows.map { $0[0].count }.max() ?? 0
        let titleWidth = rows.map { $0[1].count }.max() ?? 0
        let width = terminalWidth
        var output = ""
        for section in sections where section.header == nil || !section.rows.isEmpty {
            if let header = section.header { output += "\n\(header)\n" }
            for row in section.rows {
                var line = pad(row[0], to: nameWidth) + "  " + pad(row[1], to: titleWidth) + "  " + row[2]
                if let width, line.count > width { line = String(line.prefix(max(1, width - 1))) + "…" }
                output += line + "\n"
            }
        }
        StandardStreams.output(output)
        for (folder, reason) in unreadable {
            StandardStreams.error("descent list: cannot read the folder \(folder): \(reason)\n")
        }
        return 0
    }

    /// Name, title and one-line lesson of `entry`.
    private static func row(for entry: ScenarioLookup.Entry) -> [String] {
        let scenario: Scenario?
        if entry.folder == nil {
            scenario = try? Presets.scenario(named: entry.name)
        } else {
            scenario = try? ScenarioLookup.load(file: entry.file, name: entry.name)
        }
        guard let scenario else { return [entry.name, "✗ does not load", "descent check \(entry.file) says why"] }
        let replaces = entry.folder != nil && Presets.names.contains(entry.name) ? "(replaces the preset) " : ""
        return [entry.name, scenario.title, replaces + firstSentence(of: scenario.lesson)]
    }

    /// The lesson up to the end of its first sentence.
    static func firstSentence(of text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let end = flat.range(of: ". ") else { return flat }
        return String(flat[..<end.lowerBound]) + "."
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The terminal's width when stdout is one; nil when piped.
    private static var terminalWidth: Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
