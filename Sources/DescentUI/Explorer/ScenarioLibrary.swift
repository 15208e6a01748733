import DescentCore

/// The scenarios a person can open from inside the explorer: the presets,
/// and the files of their own `--scenarios` folders (loaded when the
/// program starts, so a broken file is reported before the screen opens).
public struct ScenarioLibrary: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let title: String
        /// The lesson's first sentence.
        public let summary: String
        let scenario: Scenario?

        /// A preset, loaded from the copy built into the program when opened.
        public init(presetNamed name: String) {
            self.name = name
            let preset = try? Presets.scenario(named: name)
            title = preset?.title ?? name
            summary = preset.map { ScenarioLibrary.firstSentence(of: $0.lesson) } ?? ""
            scenario = preset
        }

        /// A scenario already loaded (a person's own file).
        public init(scenario: Scenario) {
            name = scenario.name
            title = scenario.title
            summary = ScenarioLibrary.firstSentence(of: scenario.lesson)
            self.scenario = scenario
        }

        /// The scenario to open, or nil if it could not be loaded.
        public var loaded: Scenario? { scenario }
    }

    public let entries: [Entry]

    /// The user's scenarios first (they may stand in for a preset of the
    /// same name), then every preset not shadowed.
    public init(userScenarios: [Scenario] = []) {
        let users = userScenarios.map(Entry.init(scenario:))
        let names = Set(users.map(\.name))
        entries = users + Presets.names.filter { !names.contains($0) }.map(Entry.init(presetNamed:))
    }

    /// The entries whose name or title contains `filter` (case-insensitive).
    public func matching(_ filter: String) -> [Entry] {
        guard !filter.isEmpty else { return entries }
        let needle = filter.lowercased()
        return entries.filter { $0.name.lowercased().contains(needle) || $0.title.lowercased().contains(needle) }
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    static func firstSentence(of text: String) -> String {
        guard let end = text.firstIndex(where: { $0 == "." || $0 == ":" }) else { return text }
        return String(text[...end])
    }
}
