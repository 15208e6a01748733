import Glibc

// Thin by design: pick a mode, run it, turn errors into messages and exit codes
// (2 for usage mistakes, 1 for other failures).
let words = Array(CommandLine.arguments.dropFirst())

@MainActor
func main(_ words: [String]) -> Int32 {
    do throws(UsageError) {
        switch words.first {
        case "--help", "-h", "help":
            StandardStreams.output(Usage.text + "\n")
            return 0
        case "--version":
            StandardStreams.output(Usage.version + "\n")
            return 0
        case "bench":
            return try BenchCommand.run(Array(words.dropFirst()))
        case "run":
            return try RunCommand.run(Array(words.dropFirst()))
        case "sweep":
            return try SweepCommand.run(Array(words.dropFirst()))
        case "render":
            try RenderCommand.run(Array(words.dropFirst()))
            return 0
        case "grad":
            try GradCommand.run(Array(words.dropFirst()))
            return 0
        default:
            return try ExploreCommand.run(words)
        }
    } catch {
        StandardStreams.error("descent: \(error)\nRun 'descent --help' for usage.\n")
        return 2
    }
}

exit(main(words))
