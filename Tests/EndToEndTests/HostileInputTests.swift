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
    ]

    @Test(arguments: usageMistakes)
    func `a usage mistake names the option and exits 2`(arguments: [String], message: String) throws {
        let result = try TmuxSession.runTool([descentBinaryPath] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.output)")
        #expect(result.output.contains(message), "\(arguments): \(result.output)")
    }
}
