/// Reads scenario files (JSON; the format is docs/scenarios.md and
/// scenarios/schema.json) into `Scenario`s.
///
///     let scenario = try ScenarioLoader.load(text, file: "ravine.json", readFile: read)
///
/// Every mistake is a `ScenarioError` naming the file, the line and column,
/// the JSON path, what is wrong and what is allowed; loading never crashes,
/// whatever the text.
public enum ScenarioLoader {
    /// The scenario `text` describes.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's path as the person gave it: used in messages,
    ///     for the scenario's name, and to resolve paths inside the file.
    ///   - name: the name to open it by; nil for the file name without
    ///     `.json`.
    ///   - readFile: reads a file the scenario refers to (a CSV data set),
    ///     given its path resolved against `file`'s directory.
    /// - Throws: `ScenarioError` at the first mistake.
    /// - Complexity: O(length of `text`) plus building the model (generating
    ///   or reading its data).
    public static func load(_ text: String, file: String, name: String? = nil,
                            readFile: @escaping ScenarioFileReader) throws(ScenarioError) -> Scenario {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw ScenarioError(file: file, position: error.position, path: nil, message: error.message)
        }
        let decoder = ScenarioDecoder(file: file, readFile: readFile)
        return try decoder.scenario(from: JSONField(value: root, path: .root, file: file),
                                    name: name ?? ScenarioPath.scenarioName(of: file))
    }
}
