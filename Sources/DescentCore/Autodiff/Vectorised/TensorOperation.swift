/// What produced a tensor on a `TensorTape`, for labels and tests.
public enum TensorOperation: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A weight matrix the gradient is taken with respect to.
    case variable
    /// Data: no gradient flows into it.
    case constant
    /// `A·B`, a matrix product.
    case matrixProduct
    /// `X·W + b`, a dense layer's pre-activation (bias row broadcast).
    case affine
    /// Element-wise `A + B`, `B` broadcast when it is one row or one element.
    case add
    /// Element-wise `A − B` (same shapes).
    case subtract
    /// Element-wise `A ⊙ B` (same shapes).
    case multiply
    /// `A · c` for a constant `c`.
    case scale
    case tanh, sigmoid, relu
    /// The sum of every element (1 × 1).
    case sum
    /// The mean of every element (1 × 1).
    case mean
    /// `mean((P − T)²)` (1 × 1).
    case meanSquaredError
    /// `mean(−T·ln P − (1 − T)·ln(1 − P))` (1 × 1), logs clamped at −100 as in PyTorch.
    case binaryCrossEntropy
    /// `mean(softplus(Z) − T·Z)`: cross-entropy of σ(Z) from the logits Z (1 × 1).
    case binaryCrossEntropyWithLogits
    /// `mean((w·x + b − y)²)` over data held outside the tape, with its two
    /// local partials computed in the same pass (1 × 1; parents w and b).
    case lineMeanSquaredError

    /// The symbol a graph view shows.
    public var symbol: String {
        switch self {
        case .variable: "var"
        case .constant: "const"
        case .matrixProduct: "A·B"
        case .affine: "X·W+b"
        case .add: "+"
        case .subtract: "−"
        case .multiply: "⊙"
        case .scale: "×c"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .relu: "relu"
        case .sum: "Σ"
        case .mean: "mean"
        case .meanSquaredError: "MSE"
        case .binaryCrossEntropy: "BCE"
        case .binaryCrossEntropyWithLogits: "BCE(logits)"
        case .lineMeanSquaredError: "MSE(w·x+b)"
        }
    }

    public var description: String { symbol }
}
