/// The seed's first model: one weight scales the input,
///
///     prediction = w · x
///     L(w) = (1/|B|) Σᵢ∈B (w·xᵢ − yᵢ)²          (mean squared error, default)
///
/// With one weight there is no plane to look at: the "surface" is the 1-D
/// loss curve `L(w)` (a parabola under mean squared error), and the minimum
/// has a closed form, `closedFormSolution`, so descent (Approach 2 of the
/// seed) can be set beside the formula (Approach 1).
///
/// With `.binaryCrossEntropy`, `w·x` is read as a logit: logistic
/// regression through the origin.
public struct OneWeightModel: Objective, LayeredObjective {
    public let data: Dataset
    public let lossFunction: LossFunction
    /// `["w"]`.
    public let parameterNames = ["w"]

    /// A one-weight model of `data`, which has one feature per sample.
    public init(data: Dataset, loss: LossFunction = .meanSquaredError) {
        precondition(data.featureCount == 1, "the one-weight model takes one input per sample")
        precondition(data.count > 0, "the one-weight model needs at least one sample")
        self.data = data
        self.lossFunction = loss
    }

    /// The seed's example as a one-sample data set: `input` 3, `truth` 12.
    public init(input: Double, truth: Double, loss: LossFunction = .meanSquaredError) {
        self.init(data: Dataset(points: [(input, truth)]), loss: loss)
    }

    public var sampleCount: Int { data.count }

    /// `[0..<1]`: the weight is a filter with one entry (there is no bias).
    public var filters: [Range<Int>] { [0..<1] }

    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let w = weights[0]
        return lossFunction.mean(over: batch, of: data, in: &e) { i, e in
            e.scale(w, by: data.features[i])
        }
    }

    /// The model's output for input `x`: the prediction `w·x` under mean
    /// squared error, the probability `σ(w·x)` under cross-entropy.
    public func prediction(at weights: [Double], input x: Double) -> Double {
        let z = weights[0] * x
        return lossFunction == .binaryCrossEntropy ? Sigmoid.value(z) : z
    }

    /// The least-squares weight over all samples,
    ///
    ///     w* = Σᵢ xᵢ·yᵢ / Σᵢ xᵢ²          (= truth / input for one sample: 12 / 3 = 4)
    ///
    /// from setting `dL/dw = (2/N) Σᵢ xᵢ (w·xᵢ − yᵢ)` to zero. Nil when every
    /// input is 0 (every w fits equally) or under cross-entropy (no closed form).
    ///
    /// - Complexity: O(N).
    public var closedFormSolution: [Double]? {
        guard lossFunction == .meanSquaredError else { return nil }
        var crossProducts = 0.0, squares = 0.0
        for (x, y) in zip(data.features, data.targets) {
            crossProducts += x * y
            squares += x * x
        }
        guard squares > 0 else { return nil }
        return [crossProducts / squares]
    }

    /// The closed-form minimum, for a view to mark (a parabola has exactly
    /// one, so it is global). Nil when there is no closed form.
    public var knownMinimum: KnownMinimum? {
        closedFormSolution.map {
            KnownMinimum(point: $0, loss: loss(at: $0), isGlobal: true, label: "closed form")
        }
    }
}
