import DescentBench
import Glibc

/// `descent bench [--quick] [--list] [WORKLOAD...]`: runs the benchmark
/// workloads and prints one JSON line per figure (shared/bench/WORKLOADS.md).
/// Exit 1 when any check value is wrong, so a fast wrong answer fails.
enum BenchCommand {
    static func run(_ words: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, options: [], flags: ["quick", "list"], command: "bench")
        if arguments.has("list") {
            for workload in BenchSuite.workloads {
                StandardStreams.output(workload.name + "  " + workload.summary + "\n")
            }
            return 0
        }
        let workloads: [any BenchWorkload]
        switch BenchSuite.select(arguments.positionals) {
        case .success(let chosen): workloads = chosen
        case .failure(let unknown): throw UsageError("bench: \(unknown)")
        }
        let settings = BenchSettings(isQuick: arguments.has("quick"), executablePath: executablePath)
        var problems: [String] = []
        for workload in workloads {
            for line in workload.run(settings) {
                StandardStreams.output(line.json + "\n")
                problems += line.problems
            }
        }
        for problem in problems { StandardStreams.error("descent bench: check failed: \(problem)\n") }
        return problems.isEmpty ? 0 : 1
    }

    /// This binary's absolute path (Linux: /proc/self/exe), for U3.
    static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
