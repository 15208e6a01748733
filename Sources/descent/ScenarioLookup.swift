import DescentCore

/// Finds a scenario by name for the command line.
enum ScenarioLookup {
    static var names: [String] { [Scenario.defaultScenario.name] }

    static func scenario(named name: String?) throws(UsageError) -> Scenario {
        guard let name else { return .defaultScenario }
        if name == Scenario.mseFit.name { return .mseFit }
        throw UsageError("unknown scenario '\(name)' (known: \(names.joined(separator: ", ")))")
    }
}
