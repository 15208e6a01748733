#if canImport(Glibc)
import Glibc
#endif

/// U3 startup: from spawning `descent render --size 100x30` to its first
/// (and only) complete frame read back through a pipe, end of output.
/// Check: the output is a complete frame (30 lines, the panel at step 0).
public struct Startup: BenchWorkload {
    public let name = "U3"
    public let summary = "UI: process start to first complete frame of 'descent render'"

    public init() {}

    /// Runs `path` with `arguments`; returns its standard output, or nil when
    /// it cannot be started or fails.
    public static func output(of path: String, _ arguments: [String]) -> String? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var process: pid_t = 0
        let status = posix_spawn(&process, path, &actions, nil, argv, environ)
        close(pipe[1])
        guard status == 0 else {
            close(pipe[0])
            return nil
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        close(pipe[0])
        var exitStatus: Int32 = 0
        waitpid(process, &exitStatus, 0)
        return exitStatus == 0 ? String(decoding: bytes, as: UTF8.self) : nil
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        var output: String?
        var nanoseconds = Double.nan
        if let path = settings.executablePath {
            // One process per sample: a start takes milliseconds, far above the clock's grain.
            var oneAtATime = settings
            oneAtATime.minimumSample = 0
            nanoseconds = oneAtATime.measure { output = Self.output(of: path, ["render", "--size", "100x30"]) }
        }
        let lines = output?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        let complete = lines.count >= 30 && (output?.contains("step 0") ?? false)
        return [BenchLine(workload: name, unit: "start", n: 1, nanosecondsPerUnit: nanoseconds, checks: [
            Check("complete", .flag(complete), .exactly(.flag(true))),
        ])]
    }
}
