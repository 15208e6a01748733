#if canImport(Glibc)
import Glibc
#endif

/// An update rule with its hyperparameters and state.
///
/// Each rule follows `torch.optim` (weight decay 0, dampening 0, no AMSGrad,
/// not centred, `maximize=False`) down to the order of floating-point
/// operations, so a trajectory matches PyTorch's float64 one bit for bit when
/// both see the same gradients (`scripts/torch_reference.py` and
/// `OptimizerTorchReferenceTests` check this).
///
/// Any hyperparameter may change between two steps; the state is kept, as
/// when a `torch.optim` param group is edited in place. Two cases where torch
/// has no answer, decided here:
/// - RMSProp whose momentum is raised from 0 mid-run starts a zero momentum
///   buffer then (torch creates it only at the first step, and fails later).
/// - Updating with a `kind` of another torch class than the last update's
///   (SGD → Adam, say) starts from fresh state, as constructing a new torch
///   optimizer would; SGD, momentum and Nesterov are one class
///   (`torch.optim.SGD`) and share it.
public struct Optimizer: Sendable, Equatable {
    /// The rule. The next update after a change to another torch class
    /// starts from fresh state.
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
    /// SGD with momentum μ (heavy ball) and Nesterov (`torch.optim.SGD`):
    ///
    ///     v ← μ·v + g          (v₁ = g, the first step with μ ≠ 0)
    ///     w ← w − η·v          (Nesterov: w ← w − η·(g + μ·v))
    ///     with μ = 0:          w ← w − η·g      (v is kept, not updated)
    ///
    /// AdaGrad (`torch.optim.Adagrad`, lr_decay 0, initial accumulator 0):
    ///
    ///     s ← s + g²;  w ← w − η·g / (√s + ε)
    ///
    /// RMSProp (`torch.optim.RMSprop`, not centred):
    ///
    ///     s ← α·s + (1 − α)·g²
    ///     w ← w − η·g / (√s + ε)                  (μ = 0)
    ///     v ← μ·v + g / (√s + ε);  w ← w − η·v    (μ > 0)
    ///
    /// Adam (`torch.optim.Adam`; Kingma & Ba 2015), t the update count:
    ///
    ///     m ← m + (1 − β₁)(g − m)       (torch's lerp)
    ///     s ← β₂·s + (1 − β₂)·g²
    ///     w ← w − (η / (1 − β₁ᵗ))·m / (√s / √(1 − β₂ᵗ) + ε)
    ///
    /// Valid ranges: η > 0; μ, α, β₁, β₂ in [0, 1); ε > 0.
    ///
    /// - Complexity: O(n) for n weights.
    public mutating func update(_ weights: inout [Double], along gradient: [Double], learningRate: Double? = nil) {
        precondition(weights.count == gradient.count, "a gradient needs one component per weight")
        let n = weights.count
        let eta = learningRate ?? hyperparameters.learningRate
        let mu = hyperparameters.momentum
        // Decided at the update, not when `kind` is set, so switching away and
        // back between two steps leaves the state as it was.
        if let owner = state.owner, owner != kind, owner.torchClass != kind.torchClass { state = OptimizerState() }
        state.owner = kind
        state.stepCount += 1
        // torch's CPU kernels are compiled with floating-point contraction, so
        // `x + a·y` (add with alpha, addcmul, lerp) is one fused multiply-add
        // there; `addingProduct` is that same single rounding here.
        // addcdiv (`x + a·y / z`) ends in a division and is not fused.
        switch kind {
        case .sgd, .momentum, .nesterov:
            guard mu != 0 else {
                for i in 0..<n { weights[i] = weights[i].addingProduct(-eta, gradient[i]) }
                return
            }
            if state.velocity.count != n {
                // torch starts the buffer at the first gradient, not at zero.
                state.velocity = gradient
            } else {
                for i in 0..<n { state.velocity[i] = state.velocity[i] * mu + gradient[i] }
            }
            for i in 0..<n {
                let direction = kind == .nesterov ? gradient[i].addingProduct(mu, state.velocity[i]) : state.velocity[i]
                weights[i] = weights[i].addingProduct(-eta, direction)
            }
        case .adagrad:
            let epsilon = hyperparameters.epsilon(for: kind)
            if state.squareSum.count != n { state.squareSum = Array(repeating: 0, count: n) }
            for i in 0..<n {
                state.squareSum[i] = state.squareSum[i].addingProduct(gradient[i], gradient[i])
                weights[i] -= eta * gradient[i] / (state.squareSum[i].squareRoot() + epsilon)
            }
        case .rmsprop:
            let epsilon = hyperparameters.epsilon(for: kind)
            let alpha = hyperparameters.alpha
            if state.squareAverage.count != n { state.squareAverage = Array(repeating: 0, count: n) }
            if mu > 0, state.velocity.count != n { state.velocity = Array(repeating: 0, count: n) }
            for i in 0..<n {
                state.squareAverage[i] = (state.squareAverage[i] * alpha).addingProduct((1 - alpha) * gradient[i], gradient[i])
                let denominator = state.squareAverage[i].squareRoot() + epsilon
                if mu > 0 {
                    state.velocity[i] = state.velocity[i] * mu + gradient[i] / denominator
                    weights[i] = weights[i].addingProduct(-eta, state.velocity[i])
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
            // torch writes `bias_correction2 ** 0.5`: pow, which may differ from sqrt in the last bit.
            let correction2 = pow(1 - pow(beta2, t), 0.5)
            for i in 0..<n {
                state.firstMoment[i] = Self.lerp(state.firstMoment[i], gradient[i], weight: 1 - beta1)
                state.squareAverage[i] = (state.squareAverage[i] * beta2).addingProduct((1 - beta2) * gradient[i], gradient[i])
                let denominator = state.squareAverage[i].squareRoot() / correction2 + epsilon
                // torch: param.addcdiv_(m, denom, value=−stepSize), which is w + (−stepSize·m) / denom.
                weights[i] -= stepSize * state.firstMoment[i] / denominator
            }
        }
    }

    /// torch's `lerp` for a scalar weight, both branches, each one fused
    /// multiply-add, so the bits match:
    ///
    ///     start + weight·(end − start)          if |weight| < 0.5
    ///     end − (end − start)·(1 − weight)      otherwise
    @inlinable
    static func lerp(_ start: Double, _ end: Double, weight: Double) -> Double {
        Swift.abs(weight) < 0.5
            ? start.addingProduct(weight, end - start)
            : end.addingProduct(-(end - start), 1 - weight)
    }
}
