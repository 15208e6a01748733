/// A single neuron over `k` inputs:
///
///     z = w₁x₁ + … + w_k x_k + b          (the pre-activation)
///     prediction = f(z)                   (f: sigmoid, tanh or ReLU)
///
/// For regression (`.meanSquaredError`) the loss is the mean of
/// `(f(z) − y)²`: with a sigmoid this is the classic plateau, where a
/// saturated output makes the gradient vanish.
///
/// For classification (`.binaryCrossEntropy`, labels 0 and 1) the output is
/// read as a probability and the loss is computed from the logit, never from
/// the probability, so it is finite however saturated the neuron is:
///
///     sigmoid:  p = σ(z),              logit z
///     tanh:     p = (1 + tanh z) / 2 = σ(2z),   logit 2z
///
/// ReLU has no probability reading, so it is for regression only.
///
/// Weights, in order: `w1 … wk, b` (`w, b` when k = 1).
public struct Neuron: Objective, LayeredObjective {
    public let data: Dataset
    public let activation: Activation
    public let lossFunction: LossFunction
    /// `["w1", …, "wk", "b"]`, or `["w", "b"]` for one input.
    public let parameterNames: [String]

    /// A neuron with one weight per feature of `data` and a bias.
    public init(data: Dataset, activation: Activation = .sigmoid, loss: LossFunction = .meanSquaredError) {
        precondition(data.count > 0, "a neuron needs at least one sample")
        precondition(!(loss == .binaryCrossEntropy && activation == .relu),
                     "a ReLU output is no probability: use sigmoid or tanh for binary cross-entropy")
        self.data = data
        self.activation = activation
        self.lossFunction = loss
        let k = data.featureCount
        parameterNames = (k == 1 ? ["w"] : (1...k).map { "w\($0)" }) + ["b"]
    }

    /// The number of inputs `k`.
    public var inputCount: Int { data.featureCount }
    public var sampleCount: Int { data.count }

    /// `[0..<k]`: the neuron's incoming weights; `b` (index k) is the bias.
    public var filters: [Range<Int>] { [0..<inputCount] }

    /// The value the loss reads for sample `i`: the prediction `f(z)` under
    /// mean squared error, the logit under cross-entropy.
    @inlinable
    func output<E: ScalarEvaluator>(_ weights: [E.Value], sample i: Int, in e: inout E) -> E.Value {
        let k = data.featureCount
        var z = weights[k]
        for j in 0..<k { z = e.add(z, e.scale(weights[j], by: data.features[i * k + j])) }
        switch lossFunction {
        case .meanSquaredError: return activation.apply(z, in: &e)
        case .binaryCrossEntropy: return activation == .tanh ? e.scale(z, by: 2) : z
        }
    }

    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        precondition(weights.count == dimension, "a neuron over \(inputCount) inputs has \(dimension) weights")
        return lossFunction.mean(over: batch, of: data, in: &e) { i, e in output(weights, sample: i, in: &e) }
    }

    /// The neuron's output for one input row: `f(z)` under mean squared
    /// error, the probability under cross-entropy (`σ(z)`, or
    /// `(1 + tanh z)/2`), for a view of the fit or the decision boundary.
    public func prediction(at weights: [Double], input: [Double]) -> Double {
        precondition(input.count == inputCount, "the neuron takes \(inputCount) inputs")
        var z = weights[inputCount]
        for j in 0..<inputCount { z += weights[j] * input[j] }
        var evaluator = DirectEvaluator()
        switch lossFunction {
        case .meanSquaredError: return activation.apply(z, in: &evaluator)
        case .binaryCrossEntropy: return Sigmoid.value(activation == .tanh ? 2 * z : z)
        }
    }
}
