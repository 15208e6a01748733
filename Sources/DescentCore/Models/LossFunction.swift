/// How a data model turns its outputs and the targets into one number: the
/// mean, over the samples of a batch, of a per-sample loss.
///
/// The binary cross-entropy reads the model's *logit* `z` (the value before
/// the final sigmoid), never the probability, so it stays finite however
/// saturated the output is (see `binaryCrossEntropy(logit:target:in:)`).
public enum LossFunction: Sendable, Equatable, CaseIterable {
    /// Mean squared error, the default (as in the seed):
    ///
    ///     L = (1/|B|) Σᵢ∈B (ŷᵢ − yᵢ)²
    ///
    /// Any finite targets. Same definition as `torch.nn.MSELoss()`.
    case meanSquaredError
    /// Binary cross-entropy of the probability `p = σ(z)`:
    ///
    ///     L = (1/|B|) Σᵢ∈B −[yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)]
    ///
    /// Targets in [0, 1] (labels 0 and 1). Same definition as
    /// `torch.nn.BCEWithLogitsLoss()`.
    case binaryCrossEntropy

    /// The name a person reads ("mean squared error").
    public var displayName: String {
        switch self {
        case .meanSquaredError: "mean squared error"
        case .binaryCrossEntropy: "binary cross-entropy"
        }
    }

    /// Whether `target` is a value this loss is defined for: any finite
    /// number for the squared error, a number in [0, 1] for cross-entropy
    /// (outside it the loss has no minimum and descent runs off).
    public func accepts(target: Double) -> Bool {
        switch self {
        case .meanSquaredError: target.isFinite
        case .binaryCrossEntropy: target >= 0 && target <= 1
        }
    }

    /// The loss of one sample from the model's output: the prediction `ŷ`
    /// for the squared error, the logit `z` for the cross-entropy.
    @inlinable
    public func sampleLoss<E: ScalarEvaluator>(output: E.Value, target: Double, in e: inout E) -> E.Value {
        switch self {
        case .meanSquaredError: Self.squaredError(prediction: output, target: target, in: &e)
        case .binaryCrossEntropy: Self.binaryCrossEntropy(logit: output, target: target, in: &e)
        }
    }

    /// `(ŷ − y)²`.
    @inlinable
    public static func squaredError<E: ScalarEvaluator>(prediction: E.Value, target: Double,
                                                        in e: inout E) -> E.Value {
        e.square(e.shift(prediction, by: -target))
    }

    /// The cross-entropy of `p = σ(z)` against `y`, in the softplus form
    /// that never takes the logarithm of 0:
    ///
    ///     −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = softplus(z) − y·z
    ///     softplus(z) = ln(1 + eᶻ) = max(z, 0) + ln(1 + e^−|z|)
    ///
    /// `e^−|z|` lies in (0, 1], so nothing overflows for any finite `z`.
    /// Back-propagation through this composition gives the textbook
    /// `∂/∂z = σ(z) − y` everywhere, including at `z = 0`, where `max`
    /// sends ½ to each side and `|z|` contributes its subgradient 0.
    /// For |z| > 37, `ln(1 + e^−|z|)` rounds to 0, so a loss below ~1e-16
    /// reads as 0; its gradient keeps full precision.
    @inlinable
    public static func binaryCrossEntropy<E: ScalarEvaluator>(logit z: E.Value, target: Double,
                                                              in e: inout E) -> E.Value {
        let zero = e.constant(0)
        let positivePart = e.maximum(z, zero)
        let tail = e.log(e.shift(e.exp(e.negate(e.abs(z))), by: 1))
        let softplus = e.add(positivePart, tail)
        return target == 0 ? softplus : e.subtract(softplus, e.scale(z, by: target))
    }

    /// The mean of `sampleLoss` over the samples of `batch` of `data`, where
    /// `output(i, &e)` is the model's output for sample `i`.
    ///
    /// - Complexity: one `output` call per sample of the batch.
    @inlinable
    public func mean<E: ScalarEvaluator>(over batch: Batch, of data: Dataset, in e: inout E,
                                         output: (Int, inout E) -> E.Value) -> E.Value {
        let indices = batch.indices(in: data.count)
        precondition(!indices.isEmpty, "a loss needs at least one sample in its batch")
        var total = sampleLoss(output: output(indices[0], &e), target: data.targets[indices[0]], in: &e)
        for i in indices.dropFirst() {
            let term = sampleLoss(output: output(i, &e), target: data.targets[i], in: &e)
            total = e.add(total, term)
        }
        return e.scale(total, by: 1 / Double(indices.count))
    }
}
