import DescentCore

/// W1 linreg-step: full-batch gradient descent on `prediction = w·x + b`
/// with mean squared error, learning rate 0.05 from (−4, 4).
///
/// Each step is the explorer's: the core's `LinearRegression` evaluates the
/// loss and its gradient by back-propagation, the core's `Optimizer` moves
/// the weights. Check: the final w, b and the loss there equal the
/// closed-form least-squares solution to a relative 1e-9.
public struct LinearRegressionSteps: BenchWorkload {
    public let name = "W1"
    public let summary = "linear regression: 100,000 full-batch gradient steps"

    public init() {}

    /// The steps of one timed run.
    public static func steps(quick: Bool) -> Int { quick ? 1_000 : 100_000 }

    /// Runs `steps` steps from the spec's start; returns the final weights.
    public static func train(_ model: LinearRegression, steps: Int) -> [Double] {
        var optimizer = Optimizer(.sgd, Hyperparameters(learningRate: 0.05))
        var weights = [-4.0, 4.0]
        var workspace = EvaluationWorkspace()
        for _ in 0..<steps {
            model.evaluate(at: weights, batch: .full, into: &workspace)
            optimizer.update(&weights, along: workspace.gradient)
        }
        return weights
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        let model = LinearRegression(data: BenchData.linearRegression)
        let steps = Self.steps(quick: settings.isQuick)
        var weights: [Double] = []
        let nanoseconds = settings.measure { weights = Self.train(model, steps: steps) }
        let exact = model.closedFormSolution ?? [.nan, .nan]
        let tolerance = 1e-9
        return [BenchLine(workload: name, unit: "step", n: steps, nanosecondsPerUnit: nanoseconds / Double(steps), checks: [
            Check("w", weights[0], expected: exact[0], tolerance: tolerance),
            Check("b", weights[1], expected: exact[1], tolerance: tolerance),
            Check("loss", model.loss(at: weights), expected: model.loss(at: exact), tolerance: tolerance),
        ])]
    }
}
