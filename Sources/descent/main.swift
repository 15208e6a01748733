import Glibc

// Thin by design: pick a mode, run it, turn errors into messages and exit codes
// (2 for usage mistakes, 1 for other failures, 128 + the signal for an
// explorer stopped by Ctrl-C or SIGTERM).

// First, before any code of the math core runs: a CPU without the
// instructions the core was compiled for gets a message, not SIGILL.
if let problem = CPUCheck.problem() {
    StandardStreams.error(problem)
    exit(1)
}

let words = Array(CommandLine.arguments.dropFirst())

@MainActor
func main(_ arguments: [String]) -> Int32 {
    do throws(UsageError) {
        // `--scenarios DIR` applies to every command; ScenarioLookup reads it.
        let words = try ScenarioFolders.split(arguments).rest
        if let command = words.first, words.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }),
           let help = CommandHelp.text(for: command) {
            StandardStreams.output(help)
            return 0
        }
        switch words.first {
        case "--help", "-h", "help":
            StandardStreams.output(try CommandHelp.text(answering: Array(words.dropFirst())))
            return 0
        case "--version":
            if let extra = words.dropFirst().first { throw UsageError("--version takes nothing after it, got '\(extra)'") }
            StandardStreams.output(Usage.version + "\n")
            return 0
        case "bench":
            return try BenchCommand.run(Array(words.dropFirst()))
        case "run":
            return try RunCommand.run(Array(words.dropFirst()))
        case "sweep":
            return try SweepCommand.run(Array(words.dropFirst()))
        case "check":
            return try CheckCommand.run(Array(words.dropFirst()))
        case "list":
            return try ListCommand.run(Array(words.dropFirst()))
        case "render":
            try RenderCommand.run(Array(words.dropFirst()))
            return 0
        case "tour":
            return try ExploreCommand.run(Array(words.dropFirst()), startsTour: true)
        case "grad":
            try GradCommand.run(Array(words.dropFirst()))
            return 0
        default:
            return try ExploreCommand.run(words)
        }
    } catch {
        let hint = error.exitCode == 2 ? "\nRun 'descent --help' for usage." : ""
        StandardStreams.error("descent: \(error)\(hint)\n")
        return error.exitCode
    }
}

exit(main(words))
