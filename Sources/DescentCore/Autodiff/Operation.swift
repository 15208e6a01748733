/// What produced a node on a `Tape`. Kept with every node so a view can label
/// the graph ("×", "tanh") and a test can find a node by its kind.
public enum Operation: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// The unused slot 0 of every tape (see `Node.sink`).
    case sink
    /// A weight or input the gradient is taken with respect to.
    case variable
    /// A number with no parents.
    case constant
    case add, subtract, multiply, divide, negate
    /// `x * c` for a constant `c` (one edge, not two).
    case scale
    /// `x + c` for a constant `c`.
    case shift
    /// `x ^ c` for a constant exponent `c`.
    case power
    /// `x ^ y` with both sides on the tape.
    case powerOfVariable
    case square, squareRoot, exp, log, abs, sin, cos, tanh, sigmoid, relu, minimum, maximum

    /// The symbol a graph view shows for the node.
    public var symbol: String {
        switch self {
        case .sink: "∅"
        case .variable: "var"
        case .constant: "const"
        case .add: "+"
        case .subtract: "−"
        case .multiply: "×"
        case .divide: "÷"
        case .negate: "neg"
        case .scale: "×c"
        case .shift: "+c"
        case .power: "^c"
        case .powerOfVariable: "^"
        case .square: "²"
        case .squareRoot: "sqrt"
        case .exp: "exp"
        case .log: "log"
        case .abs: "abs"
        case .sin: "sin"
        case .cos: "cos"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .relu: "relu"
        case .minimum: "min"
        case .maximum: "max"
        }
    }

    public var description: String { symbol }
}
