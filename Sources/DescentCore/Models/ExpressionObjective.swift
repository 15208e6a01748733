/// An analytic loss typed as an expression: `(1 - a)^2 + 100*(b - a^2)^2`,
/// or steps such as `c = a + b; d = b + 1; f = c * d`.
///
/// The expression is compiled once; every evaluation runs the compiled
/// program (see `LossExpression`), directly for the loss alone and on a tape
/// for the gradient, where each named step becomes a named node.
public struct ExpressionObjective: Objective {
    /// The compiled expression.
    public let expression: LossExpression
    /// The weights, in order (the expression's `weightNames`).
    public let parameterNames: [String]

    /// Compiles `source`; with `weightNames`, those are the weights (see
    /// `LossExpression.init(_:weightNames:)`).
    ///
    /// - Throws: `ExpressionError` with the line and column of the mistake.
    public init(_ source: String, weightNames: [String]? = nil) throws(ExpressionError) {
        self.init(expression: try LossExpression(source, weightNames: weightNames))
    }

    /// Wraps an expression compiled already.
    public init(expression: LossExpression) {
        self.expression = expression
        parameterNames = expression.weightNames
    }

    /// The text as typed.
    public var source: String { expression.source }

    /// The statements, for display; the last is the loss.
    public var statements: [ExpressionStatement] { expression.statements }

    /// An analytic surface has no samples.
    public var sampleCount: Int { 0 }

    /// Runs the compiled program over `evaluator`. The batch is ignored: an
    /// analytic loss has no samples.
    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in evaluator: inout E) -> E.Value {
        expression.evaluate(weights, in: &evaluator)
    }

    /// The loss alone, without recording a graph. The batch is ignored.
    public func loss(at weights: [Double], batch: Batch) -> Double {
        expression.value(at: weights)
    }

    /// The loss at every point of a grid on `plane`, bit for bit what
    /// `loss(at: plane.weights(at:))` gives, but reusing one weight vector
    /// instead of allocating one per point.
    ///
    /// - Complexity: `us.count × vs.count` runs of the compiled program.
    public func losses(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(us.count * vs.count)
        var weights = plane.origin
        var evaluator = DirectEvaluator()
        for v in vs {
            for u in us {
                // The same operations in the same order as `SurfacePlane.weights(at:)`.
                for i in weights.indices { weights[i] = plane.origin[i] + (u * plane.first[i] + v * plane.second[i]) }
                values.append(expression.evaluate(weights, in: &evaluator))
            }
        }
        return values
    }
}
