import Foundation
import Testing
import TestSupport

/// CI sets DESCENT_REQUIRE_E2E so a missing tmux fails loudly instead of skipping.
let endToEndEnabled = TmuxSession.isAvailable || ProcessInfo.processInfo.environment["DESCENT_REQUIRE_E2E"] != nil

@Suite(.enabled(if: endToEndEnabled, "needs tmux"), .timeLimit(.minutes(1)))
struct `The real binary in a terminal` {
    /// The first and last rows the explorer paints: both present means a whole frame.
    let frameMarkers = ["descent · mse-fit", "? help  q quit"]

    func launch(_ session: TmuxSession, arguments: String = "") throws {
        try session.type("\(descentBinaryPath) \(arguments) 2>\(session.directory)/stderr.log; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(frameMarkers + ["step 0"])
    }

    @Test func `space steps, ] doubles the learning rate, and q gives the prompt back`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try launch(session)
        #expect(try session.display("#{alternate_on}") == "1")
        try session.press("Space")
        try session.waitFor(frameMarkers + ["step 1", "learning rate 0.05"])
        try session.type("]")
        try session.waitFor(frameMarkers + ["learning rate 0.1"])
        try session.type("n")
        try session.waitFor(frameMarkers + ["step 11"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.display("#{cursor_flag}") == "1")
        try session.type("echo PROMPT-$((40 + 2))")
        try session.press("Enter")
        try session.waitFor(["PROMPT-42"])
    }

    @Test func `Ctrl-C and SIGTERM leave the terminal as it was, with exit status 128 + the signal`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try launch(session)
        try session.press("C-c")
        try session.waitFor(["DESCENT-EXIT=130"])
        #expect(try session.display("#{alternate_on}") == "0")

        try session.press("C-l")
        try launch(session)
        let shell = try session.shellPID()
        let app = try #require(childProcesses(of: shell).first)
        kill(app, SIGTERM)
        try session.waitFor(["DESCENT-EXIT=143"])
        #expect(try session.display("#{alternate_on}") == "0")
        try session.type("stty -a | grep -o ' icanon\\| echo ' | tr -d ' ' | tr '\\n' '+'; echo")
        try session.press("Enter")
        try session.waitFor(["icanon+echo+"])
    }

    @Test func `a small terminal shows a message until it is resized`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try launch(session)
        try session.resize(columns: 50, rows: 14)
        try session.waitFor(["terminal too small", "50×14"])
        try session.resize(columns: 100, rows: 30)
        try session.waitFor(frameMarkers)
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
    }

    @Test func `--ascii draws the explorer in plain ASCII, --narrate says each step, :ascii off brings Unicode back`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try session.type("\(descentBinaryPath) --ascii --narrate 2>/dev/null; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["descent . mse-fit", "+ state ---", "step 0", "? help  q quit", " Step 0 . loss 7.231 . running"])
        try session.press("Space")
        let screen = try session.waitFor(["step 1", "+ loss (log scale) ---", " Step 1 . loss 4.936, down 32%"])
        let drawn = screen.components(separatedBy: "DESCENT-EXIT").first ?? screen
        let isPlainASCII = drawn.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isPlainASCII, "\(drawn)")
        try session.type(":ascii off")
        try session.press("Enter")
        try session.waitFor(frameMarkers + ["┌ state ─", "Unicode again"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
    }

    @Test func `descent tour opens the first stop and > moves on`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try session.type("\(descentBinaryPath) tour 2>/dev/null; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        try session.waitFor(["Tour 1 of", "> next stop", "q quit"])
        try session.type(">")
        try session.waitFor(["Tour 2 of", "q quit"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
    }

    @Test func `a mouse click on the map starts there, and quitting turns mouse reporting off`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try launch(session)
        // An SGR mouse report (xterm-256color's kmous): left button down then up at column 11, row 6 (1-based).
        try session.type("\u{1B}[<0;11;6M\u{1B}[<0;11;6m")
        try session.waitFor(frameMarkers + ["New start at w "])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
        #expect(try session.display("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}") == "000")
    }

    @Test func `p plays steps until pressed again`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try launch(session)
        try session.type("p")
        try session.waitFor(["▶ playing", "step 20"])
        try session.type("p")
        try session.waitFor(["❚❚ paused"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
    }
}

@Suite struct `The binary without a terminal` {
    @Test func `no terminal gives a clear message and a non-zero exit`() throws {
        let result = try TmuxSession.runTool([descentBinaryPath])
        #expect(result.status == 1)
        #expect(result.output.contains("needs a terminal"))
    }

    @Test func `an unknown flag is a usage error with exit status 2`() throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.output.contains("unknown option '--frobnicate'"))
    }

    @Test func `render prints the frame after the given steps and keys`() throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "render", "--size", "100x30", "--steps", "25",
                                              "--keys", "]]"])
        #expect(result.status == 0)
        #expect(result.output.contains("step 25"))
        #expect(result.output.contains("learning rate 0.2"))
        #expect(result.output.split(separator: "\n").count == 30)
    }

    @Test func `help and version print and exit 0`() throws {
        let help = try TmuxSession.runTool([descentBinaryPath, "--help"])
        #expect(help.status == 0 && help.output.contains("descent render"))
        let version = try TmuxSession.runTool([descentBinaryPath, "--version"])
        #expect(version.status == 0 && version.output.hasPrefix("descent "))
    }

    @Test func `help names a command to explain it`() throws {
        for words in [["--help", "run"], ["help", "run"], ["-h", "run"]] {
            let result = try TmuxSession.runTool([descentBinaryPath] + words)
            #expect(result.status == 0 && result.output.hasPrefix("USAGE\n  descent run"), "\(words): \(result.output)")
        }
    }

    @Test(arguments: [(["--version", "extra"], "--version takes nothing after it, got 'extra'"),
                      (["--help", "extra"], "--help: no command 'extra'"),
                      (["--help", "run", "extra"], "--help takes at most one command, got 'run extra'")])
    func `words after --version or --help's command are a usage error on stderr`(words: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath] + words)
        #expect(result.status == 2 && result.output.contains(message), "\(words): \(result.output)")
        let quiet = try TmuxSession.runTool(["sh", "-c", "\"$0\" \"$@\" 2>/dev/null", descentBinaryPath] + words)
        #expect(quiet.status == 2 && quiet.output.isEmpty, "nothing on stdout: \(quiet.output)")
    }
}

@Suite struct `Every command answers --help` {
    @Test(arguments: ["render", "run", "sweep", "grad", "check", "list", "tour", "bench"])
    func `command --help prints its usage and exits 0`(command: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath, command, "--help"])
        #expect(result.status == 0, "\(command) --help: \(result.output)")
        #expect(result.output.hasPrefix("USAGE\n  descent \(command)"), "\(result.output)")
        let usageLines = result.output.split(separator: "\n").prefix { !$0.isEmpty }.dropFirst()
        #expect(usageLines.allSatisfy { !$0.hasPrefix("  descent ") || $0.hasPrefix("  descent \(command)") },
                "only this command's usage lines")
        // "(see FUNCTIONS)" must not send a reader to a section this help leaves out.
        let headings = Set(result.output.split(separator: "\n").filter { $0.first?.isUppercase == true }
            .map { String($0.prefix { $0.isUppercase || $0 == " " }).trimmingCharacters(in: .whitespaces) })
        var rest = Substring(result.output.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        while let open = rest.range(of: "(see ") {
            let name = rest[open.upperBound...].prefix { $0.isUppercase || $0 == " " }
            #expect(headings.contains(String(name)), "\(command) --help refers to \(name), which it does not show")
            rest = rest[open.upperBound...]
        }
    }
}
