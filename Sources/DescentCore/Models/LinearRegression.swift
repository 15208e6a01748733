/// Linear regression `prediction = w · x + b` with mean squared error:
///
///     L(w, b) = (1/N) Σᵢ (w·xᵢ + b − yᵢ)²
///
/// Its minimum has a closed form (ordinary least squares), which the explorer
/// marks and the tests compare descent against.
public struct LinearRegression: Objective {
    public let data: Dataset
    public let parameterNames = ["w", "b"]

    public init(data: Dataset) {
        precondition(data.featureCount == 1, "linear regression takes one input per sample")
        precondition(data.count > 0, "linear regression needs at least one sample")
        self.data = data
    }

    public var sampleCount: Int { data.count }

    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let w = weights[0], b = weights[1]
        let indices = batch.indices(in: data.count)
        var total = e.constant(0)
        for i in indices {
            let prediction = e.add(e.scale(w, by: data.features[i]), b)
            let residual = e.shift(prediction, by: -data.targets[i])
            total = e.add(total, e.square(residual))
        }
        return e.scale(total, by: 1 / Double(indices.count))
    }

    /// The least-squares optimum: `w = cov(x, y) / var(x)`, `b = ȳ − w·x̄`.
    /// Nil when every x is equal (the fit is not unique).
    public var closedFormSolution: [Double]? {
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
}
