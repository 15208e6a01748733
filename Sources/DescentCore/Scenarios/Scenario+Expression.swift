#if canImport(Glibc)
import Glibc
#endif

extension Scenario {
    /// The range each axis shows for an expression when no region is given.
    public static let defaultExpressionRange = -3.0...3.0
    /// The largest learning rate an expression's scenario starts with.
    public static let maximumSuggestedLearningRate = 0.1

    /// A scenario on a typed loss, with plain gradient descent. Two weights
    /// give a surface; one weight gives a loss curve (the region's vertical
    /// range is then unused: the view plots the loss itself upwards).
    ///
    /// - The region defaults to `defaultExpressionRange` on each axis,
    ///   widened where needed to show the start with a margin of 1.
    /// - The start defaults to the point one sixth of the way in from the
    ///   region's top-left corner: (−2, 2) for the default region (−2 for
    ///   one weight), away from the origin, where many losses have their
    ///   minimum or a saddle.
    /// - The learning rate defaults to `suggestedLearningRate(for:at:in:)`.
    ///
    /// The name is "expression" and the title the expression on one line.
    public static func expression(_ objective: ExpressionObjective, start: [Double]? = nil, region: ViewRegion? = nil,
                                  learningRate: Double? = nil) -> Scenario {
        let dimension = objective.dimension
        precondition(start.map { $0.count == dimension } ?? true, "the start needs one value per weight")
        let region = region ?? defaultExpressionRegion(showing: start)
        let corner = [region.horizontal.lowerBound + region.width / 6, region.vertical.upperBound - region.height / 6]
        let start = start ?? Array(corner.prefix(dimension))
        let learningRate = learningRate ?? suggestedLearningRate(for: objective, at: start, in: region)
        return Scenario(
            name: "expression", title: objective.expression.singleLineText,
            lesson: "Plain descent from ○ at learning rate \(learningRate.formatted); ] doubles it, [ halves it.",
            objective: objective, region: region, start: start,
            optimizer: Optimizer(.sgd, Hyperparameters(learningRate: learningRate)))
    }

    /// A learning rate whose first step covers about a tenth of the view,
    /// rounded down to 1, 2 or 5 times a power of ten and at most
    /// `maximumSuggestedLearningRate`:
    ///
    ///     η = round₁₂₅( 0.1 · width / ‖∇L(start)‖ ),   η ≤ 0.1
    ///
    /// (0.1 for `a^2 + b^2` from (−2, 2); 0.002 for Rosenbrock from (−1.2, 1)
    /// in the default view.) A step that size may still overshoot where the
    /// loss curves sharply; the explorer shows that, and `[` halves the rate.
    public static func suggestedLearningRate(for objective: some Objective, at start: [Double],
                                             in region: ViewRegion) -> Double {
        let gradient = objective.evaluate(at: start).gradient
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let rate = 0.1 * region.width / norm
        guard rate.isFinite, rate > 0 else { return maximumSuggestedLearningRate }
        let scale = pow(10, floor(log10(rate)))
        let mantissa = rate / scale
        let rounded = (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * scale
        return min(maximumSuggestedLearningRate, rounded)
    }

    /// `defaultExpressionRange` on both axes, each widened to hold its
    /// coordinate of `start` (one or two weights) with a margin of 1.
    public static func defaultExpressionRegion(showing start: [Double]?) -> ViewRegion {
        func widened(_ coordinate: Int) -> ClosedRange<Double> {
            let range = defaultExpressionRange
            guard let start, coordinate < start.count, start[coordinate].isFinite else { return range }
            return min(range.lowerBound, start[coordinate] - 1)...max(range.upperBound, start[coordinate] + 1)
        }
        return ViewRegion(horizontal: widened(0), vertical: widened(1))
    }
}

extension Double {
    /// `0.01`, not `0.01000` or `1e-02`: Swift's shortest round-trip text,
    /// without a trailing `.0`.
    fileprivate var formatted: String {
        let text = "\(self)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
