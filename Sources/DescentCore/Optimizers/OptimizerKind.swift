/// The update rules descent offers, named as in `torch.optim`.
public enum OptimizerKind: String, Sendable, CaseIterable, Equatable {
    /// Plain gradient descent (with heavy-ball momentum when momentum > 0).
    case sgd
    /// Heavy-ball momentum: SGD whose momentum defaults to 0.9.
    case momentum
    /// Nesterov's accelerated gradient (SGD with `nesterov=True`).
    case nesterov
    /// Per-weight steps shrinking with the sum of squared gradients (Duchi et al. 2011).
    case adagrad
    /// Per-weight steps scaled by a moving average of squared gradients (Tieleman & Hinton 2012).
    case rmsprop
    /// Bias-corrected moving averages of the gradient and its square (Kingma & Ba 2015).
    case adam

    /// The name a person reads on screen.
    public var displayName: String {
        switch self {
        case .sgd: "SGD"
        case .momentum: "momentum"
        case .nesterov: "Nesterov"
        case .adagrad: "AdaGrad"
        case .rmsprop: "RMSProp"
        case .adam: "Adam"
        }
    }

    /// The `torch.optim` class that implements this rule. Rules of one class
    /// share optimizer state (momentum and Nesterov are SGD options).
    public var torchClass: String {
        switch self {
        case .sgd, .momentum, .nesterov: "SGD"
        case .adagrad: "Adagrad"
        case .rmsprop: "RMSprop"
        case .adam: "Adam"
        }
    }

    /// Whether the `momentum` hyperparameter changes this rule.
    public var usesMomentum: Bool {
        switch self {
        case .sgd, .momentum, .nesterov, .rmsprop: true
        case .adagrad, .adam: false
        }
    }
}
