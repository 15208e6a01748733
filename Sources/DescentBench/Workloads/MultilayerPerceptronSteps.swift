import DescentCore

/// W2 mlp-step: mini-batch SGD with momentum 0.9 (learning rate 0.05) on a
/// 2 → 16 → 16 → 1 tanh network, batches of 64 in order.
///
/// Each step is the explorer's: the core's `MultilayerPerceptron` evaluates
/// the batch loss and its gradient by back-propagation on the vectorised
/// tape, the core's `Optimizer` applies momentum. Check: the full-data loss
/// after the last step, to a relative 1e-6.
public struct MultilayerPerceptronSteps: BenchWorkload {
    public let name = "W2"
    public let summary = "2-16-16-1 tanh network: 5,000 mini-batch steps with momentum"

    public init() {}

    /// What every peer computes after 5,000 steps (C's figure; they agree to 8e-15).
    public static let expectedLoss = 0.00098847142360067287

    public static func steps(quick: Bool) -> Int { quick ? 30 : 5_000 }

    /// The 16 batches of 64 rows in the order steps use them.
    static let batches: [Batch] = (0..<16).map { .samples(Array((64 * $0)..<(64 * $0 + 64))) }

    /// Trains from the spec's start for `steps` steps; returns the weights.
    /// `useScalarTape` runs the scalar reference path instead (for checks).
    public static func train(steps: Int, useScalarTape: Bool = false) -> [Double] {
        let model = BenchData.multilayerPerceptronModel()
        var weights = BenchData.multilayerPerceptronStart(model)
        var optimizer = Optimizer(.sgd, Hyperparameters(learningRate: 0.05, momentum: 0.9))
        var workspace = EvaluationWorkspace()
        for step in 0..<steps {
            let batch = batches[step % batches.count]
            if useScalarTape {
                model.evaluateOnScalarTape(at: weights, batch: batch, into: &workspace)
            } else {
                model.evaluate(at: weights, batch: batch, into: &workspace)
            }
            optimizer.update(&weights, along: workspace.gradient)
        }
        return weights
    }

    public func run(_ settings: BenchSettings) -> [BenchLine] {
        let steps = Self.steps(quick: settings.isQuick)
        var weights: [Double] = []
        let nanoseconds = settings.measure { weights = Self.train(steps: steps) }
        let model = BenchData.multilayerPerceptronModel()
        // Quick: the scalar tape's run of the same steps is the oracle.
        let expected = settings.isQuick
            ? model.loss(at: Self.train(steps: steps, useScalarTape: true))
            : Self.expectedLoss
        return [BenchLine(workload: name, unit: "step", n: steps, nanosecondsPerUnit: nanoseconds / Double(steps), checks: [
            Check("loss", model.loss(at: weights), expected: expected, tolerance: 1e-6),
        ])]
    }
}
