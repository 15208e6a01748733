/// Reads a text file a scenario refers to (a CSV data set). DescentCore does
/// no file I/O: the executable passes a reader of the disk, the presets one
/// of their embedded copies, tests a dictionary.
public typealias ScenarioFileReader = @Sendable (String) throws(FileReadError) -> String

/// Why a file could not be read ("no such file", "permission denied").
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Paths inside scenario files, which are relative to the file itself.
public enum ScenarioPath {
    /// `path` as seen from the directory of `scenarioFile`: unchanged when
    /// absolute, else joined to that directory (`my/ravine.json` +
    /// `data/points.csv` = `my/data/points.csv`).
    public static func resolve(_ path: String, relativeTo scenarioFile: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        switch directory(of: scenarioFile) {
        case "": return path
        case "/": return "/" + path
        case let directory: return directory + "/" + path
        }
    }

    /// Everything before the last `/`; empty for a bare file name, `/` for a
    /// file in the root.
    public static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    /// The name a scenario file is opened by: its file name without the
    /// directory and without `.json` (`my/ravine.json` is `ravine`).
    public static func scenarioName(of file: String) -> String {
        var name = file.lastIndex(of: "/").map { String(file[file.index(after: $0)...]) } ?? file
        if name.hasSuffix(".json") { name.removeLast(5) }
        return name
    }
}
