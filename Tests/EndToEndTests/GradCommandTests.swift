import Foundation
import Testing
import TestSupport

/// `descent grad` run as a program: its output formats are a contract.
@Suite(.timeLimit(.minutes(1)))
struct `descent grad` {
    let seed = "c = a + b; d = b + 1; f = c * d"

    func grad(_ arguments: String...) throws -> (status: Int32, output: String) {
        try TmuxSession.runTool([descentBinaryPath, "grad"] + arguments)
    }

    /// Parses one line of JSON output into a dictionary.
    func parse(_ output: String) throws -> [String: Any] {
        let data = try #require(output.data(using: .utf8))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not an object: \(output)")
    }

    @Test func `JSON gives the seed example's loss, both gradients and their relative error on one line`() throws {
        let result = try grad(seed, "--at", "a=2,b=1", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("\n") && result.output.dropLast().split(separator: "\n").count == 1)
        #expect(result.output.hasPrefix("{\"loss\": 6, \"gradient\": {\"a\": 2, \"b\": 5}, \"finiteDifference\": {\"a\": "))
        let json = try parse(result.output)
        #expect(Set(json.keys) == ["loss", "gradient", "finiteDifference", "relativeError"])
        #expect((json["loss"] as? NSNumber)?.doubleValue == 6)
        let gradient = try #require(json["gradient"] as? [String: NSNumber])
        #expect(gradient.mapValues(\.doubleValue) == ["a": 2, "b": 5])
        let estimate = try #require(json["finiteDifference"] as? [String: NSNumber])
        #expect(abs(estimate["a", default: 0].doubleValue - 2) < 1e-6)
        #expect(abs(estimate["b", default: 0].doubleValue - 5) < 1e-6)
        let error = try #require((json["relativeError"] as? NSNumber)?.doubleValue)
        #expect(error > 0 && error < 1e-6)
    }

    @Test func `--function checks a classic function's gradient, and a typed expression with it is refused`() throws {
        let result = try grad("--function", "rosenbrock", "--at", "a=0,b=0", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        let json = try parse(result.output)
        #expect((json["loss"] as? NSNumber)?.doubleValue == 1, "(1 − 0)² + 100(0 − 0²)² = 1")
        let gradient = try #require(json["gradient"] as? [String: NSNumber])
        #expect(gradient.mapValues(\.doubleValue) == ["a": -2, "b": 0])
        let both = try grad("a^2", "--function", "bowl", "--at", "a=0")
        #expect(both.status == 2 && both.output.contains("give an expression ('a^2') or --function, not both"))
        let unknown = try grad("--function", "nope", "--at", "a=0,b=0")
        #expect(unknown.status == 2 && unknown.output.contains("unknown function 'nope' (known: bowl, ravine"))
    }

    struct Report: Decodable {
        let loss: Double
        let gradient: [String: Double]
        let finiteDifference: [String: Double]
        let relativeError: Double
    }

    @Test func `JSON numbers read back exactly`() throws {
        let result = try grad("sin(a) * b / 3", "--at", "a=0.3,b=-1.7", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        // JSONDecoder, not JSONSerialization: on Linux the latter can miss the
        // nearest double by one unit in the last place.
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.loss == sin(0.3) * -1.7 / 3)
        // The chain rule in the tape's order: adjoint 1/3 from ÷3, times the partials below it.
        let third = 1.0 / 3
        #expect(report.gradient == ["a": third * -1.7 * cos(0.3), "b": third * sin(0.3)])
    }

    @Test func `a loss that is not finite is null in JSON and the command still succeeds`() throws {
        let result = try grad("log(a) + b", "--at", "a=0,b=1", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        let json = try parse(result.output)
        #expect(json["loss"] is NSNull)
        #expect(json["relativeError"] is NSNull)
    }

    @Test func `the table is aligned and labelled in plain words`() throws {
        let result = try grad(seed, "--at", "a=2,b=1")
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "loss  6")
        #expect(lines.contains("weight  value  back-propagation  central differences"))
        let rowA = try #require(lines.first { $0.hasPrefix("a ") })
        let rowB = try #require(lines.first { $0.hasPrefix("b ") })
        #expect(rowA.hasPrefix("a       2      2                 2.0000000"))
        #expect(rowB.hasPrefix("b       1      5                 5.0000000"))
        #expect(lines.contains { $0.hasPrefix("relative error  ") && $0.hasSuffix(": back-propagation and central differences agree") })
    }

    @Test func `the README shows the real output`() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        func indented(_ output: String) -> String {
            output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }
        let table = try grad(seed, "--at", "a=2,b=1")
        #expect(readme.contains("    $ descent grad '\(seed)' --at a=2,b=1\n" + indented(table.output) + "\n"),
                "README's descent grad table is stale")
        let json = try grad(seed, "--at", "a=2,b=1", "--format", "json")
        #expect(readme.contains(indented(json.output) + "\n"), "README's descent grad JSON is stale")
        let bad = try grad("a * * b", "--at", "a=1,b=1")
        let message = bad.output.components(separatedBy: "\nRun 'descent --help'").first ?? ""
        #expect(readme.contains("    $ descent grad 'a * * b' --at a=1,b=1\n" + indented(message + "\n")),
                "README's caret example is stale")
    }

    @Test func `a kink shows up as a disagreement`() throws {
        let result = try grad("relu(a) + b", "--at", "a=0,b=1")
        #expect(result.status == 0)
        #expect(result.output.contains("back-propagation and central differences differ (is the loss smooth here?)"))
    }

    @Test func `an expression may start with a minus sign`() throws {
        let result = try grad("-a^2 + b", "--at", "a=3,b=1", "--format", "json")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("{\"loss\": -8, \"gradient\": {\"a\": -6, \"b\": 1}"))
    }

    @Test func `a bad expression prints the caret display and exits 2`() throws {
        let result = try grad("a * * b", "--at", "a=1,b=2")
        #expect(result.status == 2)
        #expect(result.output.contains("descent: grad: 1:5: expected a number or a name after '*'\n  a * * b\n      ^\n"),
                "\(result.output)")
    }

    @Test(arguments: [
        (["a*b", "--at", "a=1"], "grad: --at needs a value for every weight; missing b"),
        (["a*b", "--at", "a=1,b=2,gamma=3"], "grad: --at: no weight named 'gamma'; the weights are a, b"),
        (["a*b", "--at", "a=1,a=2,b=1"], "grad: --at: 'a' is given twice"),
        (["a*b", "--at", "a=1,b=x"], "grad: --at: b must be a finite number, got 'x'"),
        (["a*b", "--at", "a=1,b"], "grad: --at takes NAME=VALUE pairs separated by commas, like a=0,b=0; got 'b'"),
        (["a*b"], "grad: --at is required: give a value for each weight, like --at a=1,b=1"),
        ([], "grad: expected an expression, like descent grad '(a - 1)^2 + b^2' --at a=0,b=1"),
        (["a*b", "--at", "a=1,b=1", "--format", "xml"], "grad: --format must be table or json, got 'xml'"),
    ])
    func `bad options give a clear error and exit 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath, "grad"] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        #expect(result.output.contains("descent: " + message + "\n"), "\(arguments): \(result.output)")
    }
}
