/// The update rules descent offers, named as in `torch.optim`.
public enum OptimizerKind: String, Sendable, CaseIterable, Equatable {
    /// Plain gradient descent (with heavy-ball momentum when momentum > 0).
    case sgd
    /// Heavy-ball momentum: SGD whose momentum defaults to 0.9.
    case momentum
    /// Nesterov's accelerated gradient (SGD with `nesterov=True`).
    case nesterov
    case adagrad
    case rmsprop
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

    /// Whether the `momentum` hyperparameter changes this rule.
    public var usesMomentum: Bool {
        switch self {
        case .sgd, .momentum, .nesterov, .rmsprop: true
        case .adagrad, .adam: false
        }
    }
}
