import DescentCore
import Testing
import TestSupport

/// A primitive under test: how to record it and where it is differentiable.
struct UnaryCase: CustomTestStringConvertible, Sendable {
    let name: String
    let record: @Sendable (inout Tape, Node) -> Node
    let direct: @Sendable (Double) -> Double
    let points: [Double]
    var testDescription: String { name }
}

struct BinaryCase: CustomTestStringConvertible, Sendable {
    let name: String
    let record: @Sendable (inout Tape, Node, Node) -> Node
    let direct: @Sendable (Double, Double) -> Double
    let points: [(Double, Double)]
    var testDescription: String { name }
}

let unaryCases: [UnaryCase] = [
    UnaryCase(name: "negate", record: { $0.negate($1) }, direct: { -$0 }, points: [-2, 0.3, 5]),
    UnaryCase(name: "scale", record: { $0.scale($1, by: -2.5) }, direct: { $0 * -2.5 }, points: [-2, 0.3, 5]),
    UnaryCase(name: "shift", record: { $0.shift($1, by: 4) }, direct: { $0 + 4 }, points: [-2, 0.3, 5]),
    UnaryCase(name: "integer power", record: { $0.power($1, 3) }, direct: { $0 * $0 * $0 }, points: [-1.7, 0.4, 2]),
    UnaryCase(name: "real power", record: { $0.power($1, 1.5) }, direct: { ($0 * $0 * $0).squareRoot() },
              points: [0.3, 1.1, 4]),
    UnaryCase(name: "square", record: { $0.square($1) }, direct: { $0 * $0 }, points: [-3, 0.2, 7]),
    UnaryCase(name: "square root", record: { $0.squareRoot($1) }, direct: { $0.squareRoot() }, points: [0.5, 2, 9]),
    UnaryCase(name: "exp", record: { $0.exp($1) }, direct: { DirectEvaluator().exp($0) }, points: [-3, 0, 2.5]),
    UnaryCase(name: "log", record: { $0.log($1) }, direct: { DirectEvaluator().log($0) }, points: [0.2, 1, 30]),
    UnaryCase(name: "abs", record: { $0.abs($1) }, direct: { abs($0) }, points: [-2, 0.7]),
    UnaryCase(name: "sin", record: { $0.sin($1) }, direct: { DirectEvaluator().sin($0) }, points: [-2, 0.4, 3]),
    UnaryCase(name: "cos", record: { $0.cos($1) }, direct: { DirectEvaluator().cos($0) }, points: [-2, 0.4, 3]),
    UnaryCase(name: "tanh", record: { $0.tanh($1) }, direct: { DirectEvaluator().tanh($0) }, points: [-2, 0.1, 1.3]),
    UnaryCase(name: "sigmoid", record: { $0.sigmoid($1) }, direct: { DirectEvaluator().sigmoid($0) },
              points: [-30, -1, 0, 2, 40]),
    UnaryCase(name: "relu", record: { $0.relu($1) }, direct: { max($0, 0) }, points: [-1.5, 0.8]),
]

let binaryCases: [BinaryCase] = [
    BinaryCase(name: "add", record: { $0.add($1, $2) }, direct: { $0 + $1 }, points: [(1, 2), (-3, 0.5)]),
    BinaryCase(name: "subtract", record: { $0.subtract($1, $2) }, direct: { $0 - $1 }, points: [(1, 2), (-3, 0.5)]),
    BinaryCase(name: "multiply", record: { $0.multiply($1, $2) }, direct: { $0 * $1 }, points: [(1.5, -2), (3, 0.25)]),
    BinaryCase(name: "divide", record: { $0.divide($1, $2) }, direct: { $0 / $1 }, points: [(1.5, -2), (3, 0.25)]),
    BinaryCase(name: "power with a variable exponent", record: { $0.power($1, $2) },
               direct: { DirectEvaluator().power($0, $1) }, points: [(1.5, 2.5), (3, -0.5), (0.7, 1.2)]),
    BinaryCase(name: "minimum", record: { $0.minimum($1, $2) }, direct: { min($0, $1) }, points: [(1, 2), (3, -1)]),
    BinaryCase(name: "maximum", record: { $0.maximum($1, $2) }, direct: { max($0, $1) }, points: [(1, 2), (3, -1)]),
]

@Suite struct `Every primitive agrees with finite differences` {
    @Test(arguments: unaryCases)
    func `unary operations`(_ operation: UnaryCase) throws {
        for x in operation.points {
            var tape = Tape()
            let input = tape.variable(x)
            let output = operation.record(&tape, input)
            #expect(isClose(tape.value(of: output), operation.direct(x), tolerance: 1e-14), "value at \(x)")
            let backpropagated = tape.gradient(of: output, withRespectTo: [input])[0]
            let estimate = centralDifferences(of: { operation.direct($0[0]) }, at: [x])[0]
            #expect(isClose(backpropagated, estimate, tolerance: 1e-6),
                    "\(operation.name) at \(x): backprop \(backpropagated), finite differences \(estimate)")
        }
    }

    @Test(arguments: binaryCases)
    func `binary operations`(_ operation: BinaryCase) throws {
        for (x, y) in operation.points {
            var tape = Tape()
            let a = tape.variable(x), b = tape.variable(y)
            let output = operation.record(&tape, a, b)
            let backpropagated = tape.gradient(of: output, withRespectTo: [a, b])
            let estimate = centralDifferences(of: { operation.direct($0[0], $0[1]) }, at: [x, y])
            for i in 0..<2 {
                #expect(isClose(backpropagated[i], estimate[i], tolerance: 1e-6),
                        "\(operation.name) at (\(x), \(y)), input \(i): backprop \(backpropagated[i]), finite differences \(estimate[i])")
            }
        }
    }

    @Test func `a tie in min and max splits the derivative evenly`() {
        var tape = Tape()
        let a = tape.variable(2), b = tape.variable(2)
        let smaller = tape.minimum(a, b)
        #expect(tape.gradient(of: smaller, withRespectTo: [a, b]) == [0.5, 0.5])
    }

    @Test func `sigmoid stays finite far from zero`() {
        var tape = Tape()
        let x = tape.variable(-800)
        let s = tape.sigmoid(x)
        #expect(tape.value(of: s) == 0)
        #expect(tape.gradient(of: s, withRespectTo: [x]) == [0])
    }
}
