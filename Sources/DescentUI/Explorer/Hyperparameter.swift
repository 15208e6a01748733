import DescentCore

/// The optimizer knobs the command line sets beyond learning rate and
/// momentum, named as in `torch.optim`.
public enum Hyperparameter: String, Sendable, CaseIterable {
    case alpha, beta1, beta2
    case epsilon = "eps"

    /// The rules that read it.
    public var optimizers: [OptimizerKind] {
        switch self {
        case .alpha: [.rmsprop]
        case .beta1, .beta2: [.adam]
        case .epsilon: [.adagrad, .rmsprop, .adam]
        }
    }

    /// Whether `value` is allowed: α, β₁, β₂ in [0, 1); ε > 0 (as scenario
    /// files require: with ε = 0, AdaGrad at a zero gradient divides 0 by 0).
    public func allows(_ value: Double) -> Bool {
        switch self {
        case .alpha, .beta1, .beta2: value >= 0 && value < 1
        case .epsilon: value > 0 && value.isFinite
        }
    }
}
