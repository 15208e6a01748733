/// The loss of a one-weight objective sampled at evenly spaced weights: what
/// a view draws instead of a surface when there is a single weight (the
/// one-weight model's parabola).
public struct LossCurve: Sendable, Equatable {
    /// The weights sampled, from `range.lowerBound` to `range.upperBound`.
    public let range: ClosedRange<Double>
    /// One loss per sample; `values[i]` is the loss at `weight(at: i)`.
    public let values: [Double]

    public init(range: ClosedRange<Double>, values: [Double]) {
        precondition(values.count >= 2, "a loss curve needs at least two samples")
        self.range = range
        self.values = values
    }

    /// Samples `objective` (which has exactly one weight) at `count` evenly
    /// spaced weights, ends included:
    ///
    ///     wᵢ = lower + (upper − lower) · i / (count − 1),   i = 0 … count − 1
    ///
    /// - Complexity: `count` loss evaluations.
    public static func sample(_ objective: any Objective, over range: ClosedRange<Double>, count: Int) -> LossCurve {
        precondition(objective.dimension == 1, "a loss curve is for an objective with one weight")
        precondition(count >= 2, "a loss curve needs at least two samples")
        let values = (0..<count).map { i in
            objective.loss(at: [weight(at: i, of: count, over: range)])
        }
        return LossCurve(range: range, values: values)
    }

    /// The weight of sample `index`.
    public func weight(at index: Int) -> Double { Self.weight(at: index, of: values.count, over: range) }

    /// The smallest and largest finite values, if any.
    public var finiteRange: ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    private static func weight(at index: Int, of count: Int, over range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(index) / Double(count - 1)
    }
}
