import Foundation

/// Drives a program inside a private tmux server at a fixed size, for
/// end-to-end tests of the real binary.
///
/// tmux is started with `posix_spawn` and an empty signal mask, never with
/// `Foundation.Process`: Process blocks until the tmux server exits (the
/// server inherits its exit-detection descriptor) and passes on the test
/// thread's blocked signals, which would leave Ctrl-C and SIGWINCH dead in
/// the pane.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    /// A private folder for this session's socket and any files a test
    /// writes; removed by `close`.
    public let directory: String
    public let target = "e2e"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whether tmux is on the PATH.
    public static var isAvailable: Bool { (try? runTool(["tmux", "-V"]))?.status == 0 }

    /// Starts `shell` (an interactive shell with no rc files) in a new
    /// session of `columns` × `rows` cells.
    public init(columns: Int, rows: Int, environment: [String: String] = [:]) throws {
        directory = NSTemporaryDirectory() + "descent-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        socket = directory + "/socket"
        var command = ["env", "-u", "NO_COLOR", "LANG=C.UTF-8", "TERM=xterm-256color", "SWIFT_BACKTRACE=interactive=no",
                       "PS1=$ "]
        for (key, value) in environment { command.append("\(key)=\(value)") }
        command += ["bash", "--norc", "--noprofile"]
        let result = try Self.runTool(["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", target,
                                       "-x", "\(columns)", "-y", "\(rows)", command.joined(separator: " ")])
        guard result.status == 0 else { throw Failure(description: "tmux new-session failed: \(result.output)") }
    }

    deinit { close() }

    /// Stops the server and removes its socket directory.
    public func close() {
        _ = try? Self.runTool(["tmux", "-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Types `text` literally (no key-name lookup).
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Sends tmux key names (`Enter`, `C-c`, `Space`, `Up`).
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The pane's text as `capture-pane -p` shows it.
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`).
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's text with lines the terminal wrapped joined again, so a
    /// message longer than the pane is found whole (a long TMPDIR in a path
    /// moved the wrap into the middle of what a test looked for).
    public func captureJoined() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", target]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// Polls the pane until every string is on screen at once; returns that
    /// screen (wrapped lines joined). Never a fixed sleep: it returns as soon
    /// as they appear.
    @discardableResult
    public func waitFor(_ strings: [String], timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try captureJoined()
            if strings.allSatisfy({ screen.contains($0) }) { return screen }
            usleep(10_000)
        }
        let missing = strings.filter { !screen.contains($0) }
        throw Failure(description: "timed out waiting for \(missing); the screen was:\n\(screen)")
    }

    /// Polls until none of `strings` is on screen.
    @discardableResult
    public func waitForAbsence(_ strings: [String], timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if !strings.contains(where: { screen.contains($0) }) { return screen }
            usleep(10_000)
        }
        throw Failure(description: "timed out waiting for \(strings) to go; the screen was:\n\(screen)")
    }

    /// The pid of the pane's shell.
    public func shellPID() throws -> Int32 {
        guard let pid = Int32(try display("#{pane_pid}")) else { throw Failure(description: "no pane pid") }
        return pid
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Self.runTool(["tmux", "-S", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    /// Runs a program from the PATH with an empty signal mask and default
    /// signal actions; returns its exit status and combined output.
    public static func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "descent-tool-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, output)
    }
}

/// The built `descent` binary next to the test bundle (or `DESCENT_BINARY`).
public var descentBinaryPath: String {
    if let path = ProcessInfo.processInfo.environment["DESCENT_BINARY"] { return path }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return bundle.appendingPathComponent("descent").path
}

/// The direct children of `pid` (from /proc).
public func childProcesses(of pid: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
        guard let child = Int32(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
    }
}
