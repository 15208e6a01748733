/// Linear regression `prediction = w · x + b`, by default with mean squared
/// error:
///
///     L(w, b) = (1/|B|) Σᵢ∈B (w·xᵢ + b − yᵢ)²
///
/// Its minimum has a closed form (ordinary least squares), which the explorer
/// marks and the tests compare descent against.
///
/// With `.binaryCrossEntropy`, `w·x + b` is read as a logit: this is
/// logistic regression on one feature (targets 0 and 1), whose minimum has no
/// closed form (and lies at infinity when the classes are separable).
public struct LinearRegression: Objective, LayeredObjective {
    public let data: Dataset
    public let lossFunction: LossFunction
    /// `["w", "b"]`.
    public let parameterNames = ["w", "b"]

    public init(data: Dataset, loss: LossFunction = .meanSquaredError) {
        precondition(data.featureCount == 1, "linear regression takes one input per sample")
        precondition(data.count > 0, "linear regression needs at least one sample")
        self.data = data
        self.lossFunction = loss
    }

    public var sampleCount: Int { data.count }

    /// `[0..<1]`: `w` is the filter, `b` the bias.
    public var filters: [Range<Int>] { [0..<1] }

    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let w = weights[0], b = weights[1]
        return lossFunction.mean(over: batch, of: data, in: &e) { i, e in
            e.add(e.scale(w, by: data.features[i]), b)
        }
    }

    /// The model's output for input `x`: `w·x + b` under mean squared error,
    /// the probability `σ(w·x + b)` under cross-entropy.
    public func prediction(at weights: [Double], input x: Double) -> Double {
        let z = weights[0] * x + weights[1]
        return lossFunction == .binaryCrossEntropy ? Sigmoid.value(z) : z
    }

    /// The least-squares optimum over all samples:
    ///
    ///     w* = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²,   b* = ȳ − w*·x̄
    ///
    /// Nil when every x is equal (the fit is not unique) or under
    /// cross-entropy (no closed form).
    ///
    /// - Complexity: O(N).
    public var closedFormSolution: [Double]? {
        guard lossFunction == .meanSquaredError else { return nil }
        let n = Double(data.count)
        let meanX = data.features.reduce(0, +) / n
        let meanY = data.targets.reduce(0, +) / n
        var covariance = 0.0, variance = 0.0
        for (x, y) in zip(data.features, data.targets) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        guard variance > 0 else { return nil }
        let w = covariance / variance
        return [w, meanY - w * meanX]
    }

    /// The least-squares optimum as a minimum a view can mark (the loss is a
    /// convex quadratic, so it is global). Nil when there is no closed form.
    public var knownMinimum: KnownMinimum? {
        closedFormSolution.map {
            KnownMinimum(point: $0, loss: loss(at: $0), isGlobal: true, label: "least squares")
        }
    }
}
