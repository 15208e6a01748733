#if canImport(Glibc)
import Glibc
#endif

/// A function a loss expression can call, with its arity. Each maps to one
/// primitive of `ScalarEvaluator`, so its derivative is the tape's.
public enum ExpressionFunction: String, Sendable, CaseIterable, Equatable {
    /// The one-argument functions, each a `ScalarEvaluator` primitive
    /// (`sqrt` is `squareRoot`).
    case exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, square
    /// The two-argument functions (`minimum`, `maximum`); at a tie each
    /// argument gets half the derivative, as in PyTorch.
    case min, max

    /// The name as written in an expression.
    public var name: String { rawValue }

    /// How many arguments it takes (1, or 2 for `min` and `max`).
    public var arity: Int {
        switch self {
        case .min, .max: 2
        default: 1
        }
    }

    /// The call with its parameters, for messages and help: `exp(x)`, `min(x, y)`.
    public var signature: String { arity == 2 ? "\(name)(x, y)" : "\(name)(x)" }

    /// What it computes, in words, for help text.
    public var summary: String {
        switch self {
        case .exp: "eˣ"
        case .log: "natural logarithm ln x (x > 0)"
        case .sqrt: "square root √x (x ≥ 0)"
        case .abs: "absolute value |x|"
        case .sin: "sine (radians)"
        case .cos: "cosine (radians)"
        case .tanh: "hyperbolic tangent"
        case .sigmoid: "logistic 1 / (1 + e⁻ˣ)"
        case .relu: "max(x, 0)"
        case .square: "x²"
        case .min: "the smaller of x and y"
        case .max: "the larger of x and y"
        }
    }

    /// The named constants an expression may use, by name.
    public static let constants: [(name: String, value: Double)] = [
        ("pi", Double.pi), ("π", Double.pi), ("e", M_E),
    ]

    /// The constant called `name`, if there is one.
    static func constant(named name: String) -> Double? {
        constants.first { $0.name == name }?.value
    }

    /// Applies a one-argument function through `evaluator`.
    func apply<E: ScalarEvaluator>(_ x: E.Value, in evaluator: inout E) -> E.Value {
        switch self {
        case .exp: evaluator.exp(x)
        case .log: evaluator.log(x)
        case .sqrt: evaluator.squareRoot(x)
        case .abs: evaluator.abs(x)
        case .sin: evaluator.sin(x)
        case .cos: evaluator.cos(x)
        case .tanh: evaluator.tanh(x)
        case .sigmoid: evaluator.sigmoid(x)
        case .relu: evaluator.relu(x)
        case .square: evaluator.square(x)
        case .min, .max: preconditionFailure("\(name) takes two arguments; use apply(_:_:in:)")
        }
    }

    /// Applies a two-argument function through `evaluator`.
    func apply<E: ScalarEvaluator>(_ x: E.Value, _ y: E.Value, in evaluator: inout E) -> E.Value {
        switch self {
        case .min: evaluator.minimum(x, y)
        case .max: evaluator.maximum(x, y)
        default: preconditionFailure("\(name) takes one argument; use apply(_:in:)")
        }
    }
}
