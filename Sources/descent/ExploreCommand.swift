import DescentCore
import DescentUI

/// `descent [SCENARIO | --expression EXPR | --function NAME]`: the interactive explorer.
@MainActor
enum ExploreCommand {
    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: SurfaceOptions.names, flags: [], command: "")
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
        let state = ExplorerState(scenario: scenario, size: screen.size, library: library)
        ExplorerLoop().run(state, on: screen, shouldStop: { TerminationSignals.pending != nil })
        screen.stop()
        return 0
    }
}
