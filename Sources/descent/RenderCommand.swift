import DescentCore
import DescentUI

/// `descent render`: the frame the explorer would show, printed as text.
/// No terminal needed; this is how docs get screenshots and scripts see views.
enum RenderCommand {
    static func run(_ words: [String]) throws(UsageError) {
        let arguments = try Arguments(words, options: Set(["size", "steps", "keys"]).union(SurfaceOptions.names),
                                      flags: ["ansi", "ascii", "narrate"], command: "render")
        guard arguments.positionals.count <= 1 else {
            throw UsageError("render: expected at most one scenario, got \(arguments.positionals.joined(separator: " "))")
        }
        let scenario: Scenario
        if let surface = try SurfaceOptions.scenario(from: arguments, command: "render") {
            scenario = surface
        } else {
            scenario = try ScenarioLookup.scenario(named: arguments.positionals.first)
        }
        let size = try parseSize(arguments.value("size") ?? "100x30")
        let steps = try arguments.integer("steps", default: 0, in: 0...10_000_000, command: "render")
        let keys: [Key]
        do {
            keys = try KeyNotation.parse(arguments.value("keys") ?? "")
        } catch {
            throw UsageError("render: --keys: \(error)")
        }

        var state = ExplorerState(scenario: scenario, size: size, isASCII: arguments.has("ascii"),
                                  isNarrating: arguments.has("narrate"))
        state.apply(.step(count: steps))
        for key in keys { state.handle(key) }
        state.settle()
        let frame = ExplorerRenderer.render(state)
        if arguments.has("ansi") {
            StandardStreams.outputEscapeCodes(AnsiRenderer().render(frame))
        } else {
            StandardStreams.output(frame.text + "\n")
        }
    }

    static func parseSize(_ text: String) throws(UsageError) -> TerminalSize {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (1...1000).contains(columns), (1...1000).contains(rows) else {
            throw UsageError("render: --size must be COLUMNSxROWS with each from 1 to 1000, like 100x30; got '\(text)'")
        }
        return TerminalSize(columns: columns, rows: rows)
    }
}
