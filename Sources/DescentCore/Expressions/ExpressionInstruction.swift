/// One step of a compiled loss expression. Instruction `i` writes slot `i`;
/// operands name earlier slots, so a program is a straight line already in
/// evaluation order (like the tape it records onto).
public enum ExpressionInstruction: Sendable, Equatable {
    /// A number that is not folded into its neighbour (`3 / a`, a named constant step).
    case constant(Double)
    /// The weight at this index of the weight vector.
    case weight(Int)
    /// `x + y`.
    case add(Int, Int)
    /// `x − y`.
    case subtract(Int, Int)
    /// `x · y`.
    case multiply(Int, Int)
    /// `x / y`.
    case divide(Int, Int)
    /// `x ^ y` with both sides computed.
    case power(Int, Int)
    /// `x · c` for a constant `c`.
    case scale(Int, by: Double)
    /// `x + c` for a constant `c` (also `x − c`, as `x + (−c)`, which is exact).
    case shift(Int, by: Double)
    /// `x ^ c` for a constant exponent.
    case powerConstant(Int, Double)
    /// `−x`.
    case negate(Int)
    /// A one-argument function.
    case call(ExpressionFunction, Int)
    /// A two-argument function (`min`, `max`).
    case callTwo(ExpressionFunction, Int, Int)
}
