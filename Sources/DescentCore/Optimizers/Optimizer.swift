#if canImport(Glibc)
import Glibc
#endif

/// An update rule with its hyperparameters and state.
///
/// Each rule follows `torch.optim` (weight decay 0, dampening 0, no AMSGrad),
/// including the order of floating-point operations where it matters, so a
/// trajectory can be compared with PyTorch's step by step.
public struct Optimizer: Sendable, Equatable {
    public var kind: OptimizerKind
    public var hyperparameters: Hyperparameters
    public private(set) var state = OptimizerState()

    public init(_ kind: OptimizerKind, _ hyperparameters: Hyperparameters? = nil) {
        self.kind = kind
        self.hyperparameters = hyperparameters ?? .defaults(for: kind)
    }

    /// Forgets accumulated state (momentum, averages, step count).
    public mutating func resetState() { state = OptimizerState() }

    /// Moves `weights` one step against `gradient`, scaled by `learningRate`
    /// (the scheduled rate; the stored one when nil).
    ///
    /// SGD with momentum μ (heavy ball) and Nesterov:
    ///
    ///     v ← μ·v + g          (v₁ = g)
    ///     w ← w − η·v          (Nesterov: w ← w − η·(g + μ·v))
    ///
    /// AdaGrad:   s ← s + g²;  w ← w − η·g / (√s + ε)
    /// RMSProp:   s ← α·s + (1−α)·g²;  w ← w − η·g / (√s + ε)   (with momentum: v ← μv + g/(√s+ε); w ← w − ηv)
    /// Adam:      m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;
    ///            w ← w − (η / (1−β₁ᵗ)) · m / (√s / √(1−β₂ᵗ) + ε)
    ///
    /// - Complexity: O(n) for n weights.
    public mutating func update(_ weights: inout [Double], along gradient: [Double], learningRate: Double? = nil) {
        precondition(weights.count == gradient.count, "a gradient needs one component per weight")
        let n = weights.count
        let eta = learningRate ?? hyperparameters.learningRate
        let mu = hyperparameters.momentum
        state.stepCount += 1
        switch kind {
        case .sgd, .momentum, .nesterov:
            // The buffer is kept even at μ = 0 (where v = g), so raising the
            // momentum later continues from the latest gradient.
            if state.velocity.count != n {
                // torch starts the buffer at the first gradient, not at zero.
                state.velocity = gradient
            } else {
                for i in 0..<n { state.velocity[i] = mu * state.velocity[i] + gradient[i] }
            }
            if kind == .nesterov {
                for i in 0..<n { weights[i] -= eta * (gradient[i] + mu * state.velocity[i]) }
            } else {
                for i in 0..<n { weights[i] -= eta * state.velocity[i] }
            }
        case .adagrad:
            let epsilon = hyperparameters.epsilon(for: kind)
            if state.squareSum.count != n { state.squareSum = Array(repeating: 0, count: n) }
            for i in 0..<n {
                state.squareSum[i] += gradient[i] * gradient[i]
                weights[i] -= eta * gradient[i] / (state.squareSum[i].squareRoot() + epsilon)
            }
        case .rmsprop:
            let epsilon = hyperparameters.epsilon(for: kind)
            let alpha = hyperparameters.alpha
            if state.squareAverage.count != n { state.squareAverage = Array(repeating: 0, count: n) }
            if mu != 0, state.velocity.count != n { state.velocity = Array(repeating: 0, count: n) }
            for i in 0..<n {
                state.squareAverage[i] = alpha * state.squareAverage[i] + (1 - alpha) * gradient[i] * gradient[i]
                let denominator = state.squareAverage[i].squareRoot() + epsilon
                if mu != 0 {
                    state.velocity[i] = mu * state.velocity[i] + gradient[i] / denominator
                    weights[i] -= eta * state.velocity[i]
                } else {
                    weights[i] -= eta * gradient[i] / denominator
                }
            }
        case .adam:
            let epsilon = hyperparameters.epsilon(for: kind)
            let beta1 = hyperparameters.beta1, beta2 = hyperparameters.beta2
            if state.firstMoment.count != n {
                state.firstMoment = Array(repeating: 0, count: n)
                state.squareAverage = Array(repeating: 0, count: n)
            }
            let t = Double(state.stepCount)
            let stepSize = eta / (1 - pow(beta1, t))
            let correction2 = (1 - pow(beta2, t)).squareRoot()
            for i in 0..<n {
                // torch: exp_avg.lerp_(grad, 1 − β₁), which is m + (1 − β₁)(g − m).
                state.firstMoment[i] += (1 - beta1) * (gradient[i] - state.firstMoment[i])
                state.squareAverage[i] = state.squareAverage[i] * beta2 + (1 - beta2) * gradient[i] * gradient[i]
                let denominator = state.squareAverage[i].squareRoot() / correction2 + epsilon
                weights[i] -= stepSize * (state.firstMoment[i] / denominator)
            }
        }
    }
}
