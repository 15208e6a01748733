import DescentCore
import Testing
import TestSupport

/// An expression exercising one function or operator, with where to sample it
/// (away from kinks and outside domains).
struct GradientCase: CustomTestStringConvertible, Sendable {
    let source: String
    let first: ClosedRange<Double>
    let second: ClosedRange<Double>
    /// The functions of the language it exercises.
    let functions: [ExpressionFunction]
    var testDescription: String { source }

    init(_ source: String, _ first: ClosedRange<Double> = -3...3, _ second: ClosedRange<Double> = -3...3,
         covers functions: [ExpressionFunction] = []) {
        self.source = source
        self.first = first
        self.second = second
        self.functions = functions
    }
}

let gradientCases: [GradientCase] = [
    GradientCase("exp(a) * b", -2...2, covers: [.exp]),
    GradientCase("log(a) + b * log(b)", 0.1...4, 0.1...4, covers: [.log]),
    GradientCase("sqrt(a) * b", 0.1...4, covers: [.sqrt]),
    GradientCase("abs(a - 2*b) + abs(b)", covers: [.abs]),
    GradientCase("sin(a * b)", covers: [.sin]),
    GradientCase("cos(a) - b * cos(b)", covers: [.cos]),
    GradientCase("tanh(a * b)", -1.5...1.5, -1.5...1.5, covers: [.tanh]),
    GradientCase("sigmoid(a - 2*b)", covers: [.sigmoid]),
    GradientCase("relu(a - b) + relu(b)", covers: [.relu]),
    GradientCase("square(a + b) * a", covers: [.square]),
    GradientCase("min(a, b) * 2 + min(a, 1)", covers: [.min]),
    GradientCase("max(a, b * b) - max(1, b)", covers: [.max]),
    GradientCase("a + b"), GradientCase("a - b"), GradientCase("3 - a + b"),
    GradientCase("a * b"), GradientCase("-a * b"), GradientCase("2.5 * a * b"),
    GradientCase("a / b", -3...3, 0.5...3), GradientCase("2 / a + b", 0.5...3),
    GradientCase("a ^ b", 0.2...3, -2...2), GradientCase("2 ^ a * b"), GradientCase("a ^ 3 + b ^ 2"),
    GradientCase("a ^ 2.5 * b", 0.1...3), GradientCase("a ^ -1 + b", 0.5...3),
    GradientCase("-a^2 + e^b * pi"),
    GradientCase("c = a + b; d = b + 1; f = c * d"),
    GradientCase("(1 - a)^2 + 100*(b - a^2)^2", -2...2, -1...3),
    GradientCase("u = sin(a) * exp(0.3 * b)\nv = tanh(a) / (b^2 + 1)\nu + sigmoid(v - log(a^2 + 2))"),
]

@Suite struct `Every function of the language agrees with finite differences` {
    @Test(arguments: gradientCases)
    func `gradient by back-propagation matches central differences at seeded points`(_ example: GradientCase) throws {
        let objective = try ExpressionObjective(example.source)
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<25 {
            let point = [Double.random(in: example.first, using: &generator),
                         Double.random(in: example.second, using: &generator)].prefix(objective.dimension)
            let weights = Array(point)
            let evaluation = objective.evaluate(at: weights)
            #expect(evaluation.loss == objective.loss(at: weights), "\(example.source) at \(weights): tape and direct differ")
            let estimate = centralDifferences(of: { objective.loss(at: $0) }, at: weights)
            let error = GradientCheck.relativeDifference(evaluation.gradient, estimate)
            #expect(error < 1e-6, """
                \(example.source) at \(weights): backprop \(evaluation.gradient), \
                finite differences \(estimate), relative error \(error)
                """)
        }
    }

    @Test func `every function of the language is covered`() {
        let covered = Set(gradientCases.flatMap(\.functions).map(\.name))
        #expect(covered == Set(ExpressionFunction.allCases.map(\.name)))
    }
}
