/// `descent check FILE...`: loads each scenario file (or name) as the
/// explorer would and prints `ok FILE` for each that loads. At the first
/// that does not, it stops with the loader's message on stderr
/// (`file:line:column: json.path: what is wrong and what is allowed`) and
/// exits 1 (2 for an unknown name). A file named `schema.json` is skipped,
/// as the `--scenarios` folders skip it: it describes scenarios, it is not one.
enum CheckCommand {
    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: [], flags: [], command: "check")
        guard !arguments.positionals.isEmpty else {
            throw UsageError("check: expected one or more scenario files: descent check FILE...")
        }
        for argument in arguments.positionals {
            // The schema sits beside the presets, so `descent check scenarios/*.json` names it too.
            if argument == "schema.json" || argument.hasSuffix("/schema.json") {
                StandardStreams.output("skipped \(argument): the JSON Schema of scenario files, not a scenario\n")
                continue
            }
            _ = try ScenarioLookup.scenario(named: argument)
            StandardStreams.output("ok \(argument)\n")
        }
        return 0
    }
}
