/// A mistake in a scenario file, said the way a compiler says it: the file,
/// the line and column, the JSON path of the value (`optimizer.learningRate`),
/// what is wrong and what is allowed.
///
///     ravine.json:7:42: optimizer.learningRate: must be > 0, got -0.1
///
/// Syntax errors have no path; a missing file has no position.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file as the person gave it (`my/ravine.json`).
    public let file: String
    /// Where the offending value (or syntax error) starts; nil when the
    /// problem is the file as a whole.
    public let position: TextPosition?
    /// The JSON path of the offending value; nil for syntax errors and for
    /// problems with the file as a whole.
    public let path: JSONPath?
    /// What is wrong and what is allowed.
    public let message: String

    public init(file: String, position: TextPosition?, path: JSONPath?, message: String) {
        self.file = file
        self.position = position
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let position { text += ":\(position)" }
        text += ": "
        if let path { text += "\(path): " }
        return text + message
    }
}
