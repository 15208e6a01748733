#if canImport(Glibc)
import Glibc
#endif
import DescentCore
import Testing
import TestSupport

/// An expression with what it must compute, written out in Swift.
struct ValueCase: CustomTestStringConvertible, Sendable {
    let source: String
    let weights: [Double]
    let expected: Double
    var testDescription: String { source.replacingNewlines }
}

extension String {
    var replacingNewlines: String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎") }
}

let valueCases: [ValueCase] = [
    // Precedence and associativity.
    ValueCase(source: "-a^2", weights: [3], expected: -9),
    ValueCase(source: "-a^2 + b", weights: [3, 1], expected: -8),
    ValueCase(source: "a^b^2", weights: [2, 1.5], expected: pow(2, 2.25)),
    ValueCase(source: "(a^b)^2", weights: [2, 1.5], expected: pow(pow(2, 1.5), 2)),
    ValueCase(source: "a - b - 1", weights: [5, 2], expected: 2),
    ValueCase(source: "a / b / 2", weights: [8, 2], expected: 2),
    ValueCase(source: "a + b * 2", weights: [1, 3], expected: 7),
    ValueCase(source: "(a + b) * 2", weights: [1, 3], expected: 8),
    ValueCase(source: "a * b ^ 2", weights: [2, 3], expected: 18),
    ValueCase(source: "-a - -b", weights: [1, 2], expected: 1),
    ValueCase(source: "2 * -a", weights: [1.5], expected: -3),
    ValueCase(source: "a^-1", weights: [4], expected: 0.25),
    ValueCase(source: "2^-a^2", weights: [1.5], expected: pow(2, -2.25)),
    ValueCase(source: "-2^2 + a", weights: [1], expected: -3),
    ValueCase(source: "a - 2 * 3 - 1", weights: [10], expected: 3),
    ValueCase(source: "12 / 3 / a", weights: [2], expected: 2),
    // Numbers, constants and functions.
    ValueCase(source: "1e-3 * a + 2.5E+1 * b + .5", weights: [1000, 2], expected: 51.5),
    ValueCase(source: "e^a", weights: [1.5], expected: exp(1.5)),
    ValueCase(source: "pi * a + π", weights: [2], expected: 3 * Double.pi),
    ValueCase(source: "max(a, b) - min(a, b)", weights: [1.5, -2], expected: 3.5),
    ValueCase(source: "sqrt(square(a) + square(b))", weights: [3, 4], expected: 5),
    ValueCase(source: "relu(a) + relu(b) + abs(b)", weights: [-1, 2], expected: 4),
    ValueCase(source: "sigmoid(0 * a)", weights: [7], expected: 0.5),
    // Named steps, separators, continuation lines and comments.
    ValueCase(source: "c = a + b; d = b + 1; f = c * d", weights: [2, 1], expected: 6),
    ValueCase(source: "c = a + b\nd = b + 1\nf = c * d", weights: [2, 1], expected: 6),
    ValueCase(source: "c = a + b\r\n\r\nf = c * 2;;", weights: [2, 1], expected: 6),
    ValueCase(source: "f = (a +\n  b) * 2", weights: [2, 1], expected: 6),
    ValueCase(source: "f = a *\n  b", weights: [2, 3], expected: 6),
    ValueCase(source: "max(a,\n  b)", weights: [2, 3], expected: 3),
    ValueCase(source: "# the seed's example\nc = a + b  # the sum\nc * 2", weights: [2, 1], expected: 6),
    ValueCase(source: "k = 2; f = k * a", weights: [4], expected: 8),
    ValueCase(source: "f = a", weights: [4], expected: 4),
]

@Suite struct `Loss expressions compute what they say` {
    @Test(arguments: valueCases)
    func `values follow precedence, associativity and the named steps`(_ example: ValueCase) throws {
        let expression = try LossExpression(example.source)
        let value = expression.value(at: example.weights)
        #expect(isClose(value, example.expected, tolerance: 1e-15),
                "\(example.source.replacingNewlines) at \(example.weights): got \(value), expected \(example.expected)")
        // The same program recorded on a tape gives the same number, bit for bit.
        var tape = Tape()
        let weights = example.weights.map { tape.variable($0) }
        let output = expression.evaluate(weights, in: &tape)
        #expect(tape.value(of: output) == value, "\(example.source.replacingNewlines) on a tape")
    }

    @Test func `the seed example gives loss 6 and gradient (2, 5) with named nodes c, d and f`() throws {
        let objective = try ExpressionObjective("c = a + b; d = b + 1; f = c * d")
        #expect(objective.parameterNames == ["a", "b"])
        var tape = Tape()
        let (output, weights) = objective.record(at: [2, 1], on: &tape)
        #expect(tape.value(of: output) == 6)
        #expect(tape.gradient(of: output, withRespectTo: weights) == [2, 5])
        let named = Dictionary(uniqueKeysWithValues: tape.nodes.compactMap { node in node.name.map { ($0, node) } })
        #expect(named.keys.sorted() == ["a", "b", "c", "d", "f"])
        #expect(named["c"]?.value == 3 && named["c"]?.operation == .add)
        #expect(named["d"]?.value == 2 && named["d"]?.operation == .shift)
        #expect(named["f"]?.value == 6 && named["f"]?.node == output)
        #expect(named["f"]?.adjoint == 1 && named["c"]?.adjoint == 2 && named["d"]?.adjoint == 3)
        #expect(objective.evaluate(at: [2, 1]) == Evaluation(loss: 6, gradient: [2, 5]))
    }

    @Test func `statements are kept for display`() throws {
        let objective = try ExpressionObjective("c = a + b;  d = b + 1\n# note\nf = c *\n  d")
        #expect(objective.statements.map(\.name) == ["c", "d", "f"])
        #expect(objective.statements.map(\.text) == ["c = a + b", "d = b + 1", "f = c *\n  d"])
        #expect(objective.statements.map(\.line) == [1, 1, 3])
        #expect(objective.statements.map(\.column) == [1, 13, 1])
        #expect(objective.expression.singleLineText == "c = a + b; d = b + 1; f = c * d")
        #expect(try LossExpression("(a - 1)^2").statements == [
            ExpressionStatement(name: nil, text: "(a - 1)^2", line: 1, column: 1),
        ])
    }

    @Test func `a step that only renames a weight gets a node of its own`() throws {
        let objective = try ExpressionObjective("f = a")
        var tape = Tape()
        let (output, weights) = objective.record(at: [4], on: &tape)
        #expect(tape.name(of: weights[0]) == "a")
        #expect(tape.name(of: output) == "f")
        #expect(tape.value(of: output) == 4)
        #expect(tape.gradient(of: output, withRespectTo: weights) == [1])
    }

    @Test func `constant parts are folded and constants become one-edge operations`() throws {
        #expect(try LossExpression("2 * pi * a").instructions == [.weight(0), .scale(0, by: 2 * Double.pi)])
        #expect(try LossExpression("a - 1").instructions == [.weight(0), .shift(0, by: -1)])
        #expect(try LossExpression("a^2").instructions == [.weight(0), .powerConstant(0, 2)])
        #expect(try LossExpression("a / 3").instructions == [.weight(0), .constant(3), .divide(0, 1)])
        #expect(try LossExpression("3 - a").instructions == [.weight(0), .constant(3), .subtract(1, 0)])
        #expect(try LossExpression("-(2 + 3) * a").instructions == [.weight(0), .scale(0, by: -5)])
        #expect(try LossExpression("exp(0) + a").instructions == [.weight(0), .shift(0, by: 1)])
    }

    @Test func `weights come in order of first appearance`() throws {
        #expect(try LossExpression("b * 2 + a").weightNames == ["b", "a"])
        #expect(try LossExpression("c = y + 1; c * x").weightNames == ["y", "x"])
        #expect(try LossExpression("w₁ * θ").weightNames == ["w₁", "θ"])
    }

    @Test func `explicit weight names set the order and may shadow the constant e`() throws {
        let expression = try LossExpression("b + 10 * a", weightNames: ["a", "b"])
        #expect(expression.weightNames == ["a", "b"])
        #expect(expression.value(at: [1, 2]) == 12)
        let unused = try LossExpression("a^2", weightNames: ["a", "b"])
        #expect(ExpressionObjective(expression: unused).evaluate(at: [3, 5]).gradient == [6, 0])
        #expect(try LossExpression("e * 2", weightNames: ["e"]).value(at: [3]) == 6)
    }

    @Test func `nesting up to the limit compiles`() throws {
        let depth = LossExpression.maximumNestingDepth
        let nested = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try LossExpression(nested).value(at: [2]) == 2)
        let negated = String(repeating: "-", count: depth) + "a"
        #expect(try LossExpression(negated).value(at: [2]) == 2)
    }

    @Test func `a grid of losses is bit for bit the loss at each point`() throws {
        let objective = try ExpressionObjective("(1 - a)^2 + 100*(b - a^2)^2 + sin(3*a*b)")
        let planes = [
            SurfacePlane.identity(names: ["a", "b"]),
            SurfacePlane(origin: [0.3, -0.7], first: [0.6, 0.8], second: [-0.8, 0.6], axisNames: ("u", "v")),
        ]
        let us = [-2, -0.35, 0.1, 1.7], vs = [-1, 0.25, 2.9]
        for plane in planes {
            let grid = objective.losses(on: plane, us: us, vs: vs, batch: .full)
            let expected = vs.flatMap { v in us.map { u in objective.loss(at: plane.weights(at: PlanePoint(u: u, v: v))) } }
            #expect(grid == expected, "on \(plane.axisNames)")
        }
    }

    @Test func `a long flat chain compiles without recursion`() throws {
        let chain = Array(repeating: "a", count: 100_000).joined(separator: " + ")
        let expression = try LossExpression(chain)
        #expect(expression.value(at: [1]) == 100_000)
    }
}
