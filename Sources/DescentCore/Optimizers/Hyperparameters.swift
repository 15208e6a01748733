/// Every knob of every optimizer, with `torch.optim`'s names and defaults.
/// Any of them may change between two steps; optimizer state is kept.
public struct Hyperparameters: Sendable, Equatable {
    /// η, the step size (> 0).
    public var learningRate: Double
    /// μ for SGD, Nesterov and RMSProp, in [0, 1).
    public var momentum: Double
    /// RMSProp's smoothing constant α, in [0, 1).
    public var alpha: Double
    /// Adam's β₁ and β₂, each in [0, 1).
    public var beta1: Double
    public var beta2: Double
    /// ε > 0, the term added to denominators; nil means the optimizer's own default
    /// (`torch.optim`: 1e-10 for AdaGrad, 1e-8 for RMSProp and Adam).
    public var epsilon: Double?

    public init(
        learningRate: Double = 0.01, momentum: Double = 0, alpha: Double = 0.99,
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double? = nil
    ) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The defaults `torch.optim` uses for `kind` (momentum 0.9 for the
    /// momentum rules, learning rate 0.001 for Adam, 0.01 otherwise).
    public static func defaults(for kind: OptimizerKind) -> Hyperparameters {
        switch kind {
        case .sgd, .adagrad, .rmsprop: Hyperparameters()
        case .momentum, .nesterov: Hyperparameters(momentum: 0.9)
        case .adam: Hyperparameters(learningRate: 0.001)
        }
    }

    /// ε for `kind`: the explicit value, else torch's default.
    public func epsilon(for kind: OptimizerKind) -> Double {
        if let epsilon { return epsilon }
        return kind == .adagrad ? 1e-10 : 1e-8
    }
}
