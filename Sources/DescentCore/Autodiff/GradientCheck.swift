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
    ///
    /// Every component is divided by the largest magnitude first, so that
    /// squares of huge (1e200) or tiny (1e-200) gradients neither overflow
    /// nor vanish; a non-finite component makes the result NaN.
    public static func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        var largest = 0.0
        for (x, y) in zip(a, b) {
            guard x.isFinite, y.isFinite else { return .nan }
            largest = Swift.max(largest, Swift.abs(x), Swift.abs(y))
        }
        guard largest > 0 else { return 0 }
        var difference = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            let scaledX = x / largest, scaledY = y / largest
            difference += (scaledX - scaledY) * (scaledX - scaledY)
            normA += scaledX * scaledX
            normB += scaledY * scaledY
        }
        return difference.squareRoot() / Swift.max(normA, normB).squareRoot()
    }
}
