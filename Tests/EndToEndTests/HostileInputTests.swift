import Foundation
import Testing
import TestSupport

/// Bad input to every command: a clear message naming what and where, exit
/// 2 for a usage mistake and 1 for other failures, never a crash or a hang.
@Suite(.timeLimit(.minutes(1)))
struct `Hostile input to the commands` {
    static let usageMistakes: [([String], String)] = [
        (["render", "--expression", "a^2 + b^2", "--region", "a=-1e308:1e308,b=0:1"],
         "descent: render: --region: a=-1e308:1e308 cannot be shown: the width HIGH - LOW must be a finite number"),
        (["run", "--function", "bowl", "--region", "a=1e20:100000000000000020000,b=0:1"],
         "descent: run: --region: a=1e20:100000000000000020000 cannot be shown"),
        (["run", "--lr", "0.1", "--steps", "5", "--lr=0.2"],
         "descent: run: --lr is given twice ('0.1', then '0.2'); give it once"),
        (["render", "--size", "10x10", "--size", "100x30"], "descent: render: --size is given twice"),
        (["--function", "bowl", "--function", "ravine"], "descent: --function is given twice"),
        (["grad", "a", "--at", "a=1", "--at", "a=2"], "descent: grad: --at is given twice"),
        (["sweep", "--points", "3", "--points", "4"], "descent: sweep: --points is given twice"),
    ]

    @Test func `escape sequences in a scenario file or a name are shown, never sent to the terminal`() throws {
        let folder = try ScenarioFolder([
            "evil.json": scenarioText(title: #"\u001b[2J\u001b[31mRed\u0007\u009b1m"#),
        ])
        let list = try TmuxSession.runTool([descentBinaryPath, "list", "--scenarios", folder.path])
        #expect(list.status == 0, "\(list.output)")
        #expect(list.output.contains("␛[2J␛[31mRed␇\u{FFFD}1m"), "\(list.output)")
        let render = try TmuxSession.runTool([descentBinaryPath, "render", folder.path + "/evil.json"])
        #expect(render.output.contains("␛[2J␛[31mRed"), "\(render.output)")
        let unknown = try TmuxSession.runTool([descentBinaryPath, "\u{1B}]0;title\u{7}"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("unknown scenario '␛]0;title␇'"), "\(unknown.output)")
        for output in [list.output, render.output, unknown.output] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{9B}" })
        }
    }

    @Test(arguments: [["run", "--steps", "100000", "--format", "csv"], ["render"], ["--help"], ["list"]])
    func `output that cannot be written is an error, not a silent exit 0`(arguments: [String]) throws {
        // /dev/full fails every write with ENOSPC, like a full disk.
        let result = try TmuxSession.runTool(["sh", "-c", #""$0" "$@" > /dev/full"#, descentBinaryPath] + arguments)
        #expect(result.status == 1, "\(arguments): \(result.output)")
        #expect(result.output == "descent: cannot write the output: no space left on device\n", "\(arguments)")
    }

    @Test(arguments: ["< /dev/null", "<&-"])
    func `the explorer without a terminal for input says so and exits 1`(redirection: String) throws {
        let result = try TmuxSession.runTool(["sh", "-c", "\"$0\" " + redirection, descentBinaryPath])
        #expect(result.status == 1, "\(redirection): \(result.output)")
        #expect(result.output == "descent: the explorer needs a terminal, but standard input is not one. "
            + "To get a frame as text, run: descent render --size 100x30\n", "\(redirection)")
    }

    @Test(arguments: usageMistakes)
    func `a usage mistake names the option and exits 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        #expect(result.output.contains(message), "\(arguments): \(result.output)")
    }
}

@Suite(.enabled(if: endToEndEnabled, "needs tmux"), .timeLimit(.minutes(1)))
struct `The explorer in a terminal, handled roughly` {
    /// Standard error goes to the pipe in every case; standard output to
    /// /dev/null, nowhere, or the pipe.
    @Test(arguments: ["2>&1 > /dev/null", "2>&1 >&-", "2>&1"])
    func `output that is not the terminal is refused with exit 1, the terminal untouched`(redirection: String) throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try session.type("\(descentBinaryPath) \(redirection) | tr -d '\\n' | cut -c1-80; "
            + "echo \" EXIT=${PIPESTATUS[0]}\"")
        try session.press("Enter")
        try session.waitFor(["descent: the explorer needs a terminal, but standard output is not one", "EXIT=1"])
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "0 1")
    }

    @Test(arguments: ["vt100", "dumb", "xterm", "screen", "bogus-terminal", ""])
    func `every kind of terminal either runs and is restored, or is refused with a message`(term: String) throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        let log = NSTemporaryDirectory() + "descent-term-\(UUID().uuidString.prefix(8)).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let isRefused = ["dumb", "bogus-terminal", ""].contains(term)
        try session.type("TERM=\(term) \(descentBinaryPath) 2>\(log); echo TERM-EXIT=$?; cut -c1-90 \(log)")
        try session.press("Enter")
        if !isRefused {
            try session.waitFor(["q quit"])
            try session.type("q")
        }
        switch term {
        case "dumb":
            try session.waitFor(["TERM-EXIT=1", "descent: the terminal type TERM=dumb cannot position the cursor"])
        case "bogus-terminal", "":
            try session.waitFor(["TERM-EXIT=1", "descent: cannot open the terminal (TERM=\(term))"])
        default:
            let screen = try session.waitFor(["TERM-EXIT=0"])
            // No frame is left behind, even without an alternate screen (vt100).
            #expect(!screen.contains("q quit") && !screen.contains("┌ state"), "\(term): \(screen)")
        }
        #expect(try session.display("#{alternate_on} #{cursor_flag}") == "0 1")
    }
}
