/// `--scenarios DIR` (also `--scenarios=DIR`, repeatable), which any command
/// accepts anywhere: folders of a person's own scenario files, added to
/// `descent list`, to name lookup and so to the explorer.
enum ScenarioFolders {
    /// The folders named by `--scenarios` and the words without them.
    ///
    /// - Throws: `UsageError` for a `--scenarios` without a folder or with
    ///   one that is not a folder.
    static func split(_ words: [String]) throws(UsageError) -> (folders: [String], rest: [String]) {
        var folders: [String] = [], rest: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            let folder: String
            if word == "--scenarios" {
                guard index < words.count else { throw UsageError("--scenarios needs a folder") }
                folder = words[index]
                index += 1
            } else if word.hasPrefix("--scenarios=") {
                folder = String(word.dropFirst("--scenarios=".count))
            } else {
                rest.append(word)
                continue
            }
            guard TextFiles.isDirectory(folder) else {
                throw UsageError("--scenarios: '\(folder)' is not a folder")
            }
            folders.append(folder)
        }
        return (folders, rest)
    }
}
