import DescentCore

/// The one place the command line turns a SCENARIO argument into a
/// scenario, for every command that takes one (the explorer, render, run,
/// sweep, check): a preset's name, the name of a file in a `--scenarios`
/// folder (these come first, so a person's own file can stand in for a
/// preset), or a path to a `.json` file.
enum ScenarioLookup {
    /// A scenario the catalog knows by name.
    struct Entry {
        let name: String
        /// The file it loads from, as messages name it.
        let file: String
        /// The `--scenarios` folder it is in; nil for a preset.
        let folder: String?
    }

    /// The folders given with `--scenarios` (main takes them out of the
    /// words before any command sees them).
    static let folders: [String] = (try? ScenarioFolders.split(Array(CommandLine.arguments.dropFirst())).folders) ?? []

    /// The presets' names.
    static var names: [String] { Presets.names }

    /// Every scenario known by name: the `--scenarios` folders' files, in
    /// the order the folders were given, then the presets; and the folders
    /// that could not be read, with why.
    static func entries() -> (entries: [Entry], unreadable: [(folder: String, reason: String)]) {
        var entries: [Entry] = [], unreadable: [(String, String)] = []
        for folder in folders {
            do {
                for file in try TextFiles.jsonFiles(in: folder) {
                    entries.append(Entry(name: ScenarioPath.scenarioName(of: file), file: file, folder: folder))
                }
            } catch {
                unreadable.append((folder, error.reason))
            }
        }
        entries += Presets.names.map { Entry(name: $0, file: Presets.file(of: $0), folder: nil) }
        return (entries, unreadable)
    }

    /// Every scenario of the `--scenarios` folders, loaded, for the
    /// explorer's picker. A file that does not load stops the program with
    /// its message before the screen is taken over.
    static func userScenarios() throws(UsageError) -> [Scenario] {
        var scenarios: [Scenario] = []
        for entry in entries().entries where entry.folder != nil {
            scenarios.append(try load(file: entry.file, name: entry.name))
        }
        return scenarios
    }

    /// Whether `argument` names a file rather than a scenario.
    static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".json")
    }

    /// The scenario `argument` names or points to; the default scenario
    /// when nil.
    ///
    /// - Throws: `UsageError` for an unknown name (exit 2); `UsageError.failure`
    ///   for a file that is missing or does not load (exit 1), with the
    ///   loader's file:line:column message.
    static func scenario(named argument: String?) throws(UsageError) -> Scenario {
        guard let argument else { return .defaultScenario }
        if isPath(argument) { return try load(file: argument, name: nil) }
        let (entries, _) = entries()
        guard let entry = entries.first(where: { $0.name == argument }) else {
            let known = entries.map(\.name)
            let hint = DidYouMean.suggestion(for: argument, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw UsageError("unknown scenario '\(argument)'\(hint); 'descent list' shows them all, "
                                 + "or give the path of a .json file")
        }
        if entry.folder == nil {
            do {
                if let scenario = try Presets.scenario(named: entry.name) { return scenario }
            } catch {
                throw UsageError.failure("\(error)")
            }
        }
        return try load(file: entry.file, name: entry.name)
    }

    /// The scenario in the file at `path`.
    static func load(file path: String, name: String?) throws(UsageError) -> Scenario {
        let text: String
        do {
            text = try TextFiles.read(path)
        } catch {
            throw UsageError.failure("\(path): cannot read the file: \(error.reason)")
        }
        do {
            return try ScenarioLoader.load(text, file: path, name: name, readFile: TextFiles.reader)
        } catch {
            throw UsageError.failure("\(error)")
        }
    }
}
