import Foundation
import Testing
import TestSupport

/// `descent render` and the explorer on a typed expression or a classic function.
@Suite(.timeLimit(.minutes(1)))
struct `Surfaces from the command line` {
    func descent(_ arguments: String...) throws -> (status: Int32, output: String) {
        try TmuxSession.runTool([descentBinaryPath] + arguments)
    }

    @Test func `render draws a typed expression with its start and region`() throws {
        let result = try descent("render", "--expression", "(1 - a)^2 + 100*(b - a^2)^2", "--start", "a=-1.2,b=1",
                                 "--region", "a=-2:2,b=-1:3", "--steps", "5", "--size", "100x30")
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix(" descent · expression · (1 - a)^2 + 100*(b - a^2)^2") == true, "\(result.output)")
        #expect(result.output.contains("step 5") && result.output.contains("learning rate 0.001"))
        #expect(result.output.contains("gradient a") && result.output.contains("gradient b"))
        #expect(result.output.contains(" a -2 to 2 →   b -1 to 3 ↑"))
        #expect(result.output.contains("○") && result.output.contains("●"))
    }

    @Test func `render draws a one-weight expression as a loss curve`() throws {
        let result = try descent("render", "--expression", "(3*w - 12)^2", "--start", "w=0", "--region", "w=-1:9",
                                 "--steps", "60", "--size", "100x30")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix(" descent · expression · (3*w - 12)^2"))
        #expect(result.output.contains(" w -1 to 9 →   loss ↑"))
        #expect(result.output.contains("gradient w") && result.output.contains("step 60"))
        #expect(result.output.contains("             w 4 "), "descent reaches w = 4: \(result.output)")
    }

    @Test func `render draws a classic function with its minimum marked`() throws {
        let result = try descent("render", "--function", "rosenbrock", "--size", "100x30")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix(" descent · rosenbrock · (1 - a)^2 + 100*(b - a^2)^2"))
        #expect(result.output.contains("◆") && result.output.contains("step 0"))
        #expect(result.output.contains(" a -2 to 2 →   b -1 to 3 ↑"))
        let himmelblau = try descent("render", "--function", "himmelblau", "--size", "100x30")
        #expect(himmelblau.output.filter { $0 == "◆" }.count == 4, "\(himmelblau.output)")
    }

    @Test(arguments: [
        (["render", "--expression", "a + b + c"], "descent: render: --expression: 1:9: 'c' would be a third weight"),
        (["render", "--expression", "(3*w - 12)^2", "--start", "w=0,gamma=1"],
         "descent: render: --start: no weight named 'gamma'; the weights are w"),
        (["render", "--expression", "a * * b"],
         "descent: render: --expression: 1:5: expected a number or a name after '*'\n  a * * b\n      ^"),
        (["--function", "rosenbrok"], "descent: --function: unknown function 'rosenbrok' (known: bowl, ravine"),
        (["render", "--expression", "a*b", "--function", "bowl"], "descent: render: give --expression or --function, not both"),
        (["render", "--start", "a=1,b=2"], "descent: render: --start and --region go with --expression or --function"),
        (["render", "--function", "bowl", "--start", "a=1"],
         "descent: render: --start needs a value for every weight; missing b"),
        (["render", "--function", "bowl", "--region", "a=-1:1,b=2"],
         "descent: render: --region: b must be LOW:HIGH with finite LOW below HIGH, like b=-3:3; got '2'"),
        (["render", "--function", "bowl", "--region", "a=1:0,b=0:1"],
         "descent: render: --region: a must be LOW:HIGH with finite LOW below HIGH, like a=-3:3; got '1:0'"),
        (["render", "--function", "bowl", "--region", "a=-1:1"], "descent: render: --region needs a range for every weight; missing b"),
        (["run", "--region", "a=-1:1,b=0:1"], "descent: run: --region goes with --expression or --function"),
        (["sweep", "--expression", "a * * b"], "descent: sweep: --expression: 1:5: expected a number or a name after '*'"),
        (["render", "mse-fit", "--function", "bowl"],
         "descent: render: give a scenario ('mse-fit') or --expression/--function, not both"),
    ])
    func `mistakes are usage errors with exit status 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        #expect(result.output.hasPrefix(message), "\(arguments): \(result.output)")
    }

    @Test func `run trains on a typed expression and a classic function`() throws {
        let result = try descent("run", "--expression", "(1 - a)^2 + 100*(b - a^2)^2", "--start", "a=-1.2,b=1",
                                 "--steps", "2", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4, "\(result.output)")
        #expect(lines.first?.hasPrefix("{\"step\": 0, \"epoch\": 0, \"weights\": {\"a\": -1.2, \"b\": 1}") == true)
        #expect(lines.first?.hasSuffix("\"learningRate\": 0.002}") == true, "the suggested rate: \(result.output)")
        let restarts = try descent("run", "--function", "himmelblau", "--restarts", "8", "--steps", "300", "--seed", "1")
        #expect(restarts.status == 0, "\(restarts.output)")
        #expect(restarts.output.contains("8 of 8 restarts reached a global minimum"), "\(restarts.output)")
    }

    @Test func `help lists every classic function`() throws {
        let help = try descent("--help")
        for name in ["bowl", "ravine", "saddle", "rosenbrock", "himmelblau", "beale", "booth", "matyas",
                     "three-hump-camel", "six-hump-camel", "rastrigin", "ackley", "styblinski-tang", "wells"] {
            #expect(help.output.contains("\n  \(name) "), "\(name) is not in --help")
        }
        #expect(help.output.contains("descent grad (EXPR | --function NAME) --at a=2,b=1"))
    }
}

@Suite(.enabled(if: endToEndEnabled, "needs tmux"), .timeLimit(.minutes(1)))
struct `The explorer on a classic function in a terminal` {
    @Test func `descent --function himmelblau opens, steps and quits`() throws {
        let session = try TmuxSession(columns: 100, rows: 30)
        defer { session.close() }
        try session.type("\(descentBinaryPath) --function himmelblau; echo DESCENT-EXIT=$?")
        try session.press("Enter")
        let markers = ["descent · himmelblau · (a^2 + b - 11)^2 + (a + b^2 - 7)^2", "? help  q quit"]
        try session.waitFor(markers + ["step 0", "learning rate 0.01"])
        try session.press("Space")
        try session.waitFor(markers + ["step 1"])
        try session.type("q")
        try session.waitFor(["DESCENT-EXIT=0"])
    }
}
