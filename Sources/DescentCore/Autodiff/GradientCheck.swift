/// Back-propagation checked against central finite differences.
///
///     ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h,   h = step · max(1, |xᵢ|)
///
/// The relative error is `‖g_backprop − g_fd‖ / max(‖g_backprop‖, ‖g_fd‖, tiny)`;
/// below ~1e-6 the two agree to the precision central differences allow.
public struct GradientCheck: Sendable, Equatable {
    public let point: [Double]
    public let loss: Double
    public let backpropagated: [Double]
    public let finiteDifference: [Double]
    public let relativeError: Double

    /// Compares `gradient` (by back-propagation) with central differences of
    /// `loss` at `point`.
    ///
    /// - Complexity: 2n evaluations of `loss` for n weights.
    public init(
        at point: [Double],
        step: Double = 1e-6,
        loss: ([Double]) -> Double,
        gradient: ([Double]) -> [Double]
    ) {
        self.point = point
        self.loss = loss(point)
        backpropagated = gradient(point)
        var estimates: [Double] = []
        for i in point.indices {
            let h = step * Swift.max(1, Swift.abs(point[i]))
            var forward = point, backward = point
            forward[i] += h
            backward[i] -= h
            estimates.append((loss(forward) - loss(backward)) / (forward[i] - backward[i]))
        }
        finiteDifference = estimates
        relativeError = Self.relativeDifference(backpropagated, estimates)
    }

    /// `‖a − b‖ / max(‖a‖, ‖b‖)`, and 0 when both are zero vectors.
    public static func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        var difference = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            difference += (x - y) * (x - y)
            normA += x * x
            normB += y * y
        }
        let scale = Swift.max(normA, normB).squareRoot()
        return scale == 0 ? difference.squareRoot() : difference.squareRoot() / scale
    }
}
