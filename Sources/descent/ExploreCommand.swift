import DescentCore
import DescentUI

/// `descent [SCENARIO | --expression EXPR | --function NAME]`: the interactive
/// explorer; `descent tour`: the same, on the guided tour's first stop.
@MainActor
enum ExploreCommand {
    static func run(_ words: [String], startsTour: Bool = false) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: startsTour ? [] : SurfaceOptions.names, flags: ["ascii", "narrate"],
                                      command: startsTour ? "tour" : "")
        if startsTour, let extra = arguments.positionals.first {
            throw UsageError("tour: takes no scenario (it walks through its own), got '\(extra)'")
        }
        guard arguments.positionals.count <= 1 else {
            throw UsageError("expected at most one scenario, got \(arguments.positionals.joined(separator: " "))")
        }
        let scenario: Scenario
        if let surface = try SurfaceOptions.scenario(from: arguments, command: "") {
            scenario = surface
        } else {
            scenario = try ScenarioLookup.scenario(named: arguments.positionals.first)
        }
        let library = ScenarioLibrary(userScenarios: try ScenarioLookup.userScenarios())
        TerminationSignals.install()
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen()
        } catch {
            StandardStreams.error("descent: \(error)\n")
            return 1
        }
        var state = ExplorerState(scenario: scenario, size: screen.size, library: library,
                                  isASCII: arguments.has("ascii"), isNarrating: arguments.has("narrate"))
        if startsTour { state.apply(.toggleTour) }
        ExplorerLoop().run(state, on: screen, shouldStop: { TerminationSignals.pending != nil })
        screen.stop()
        return TerminationSignals.exitStatus ?? 0
    }
}
