import DescentCore
import Testing
import TestSupport

/// A small data set with `featureCount` features, seeded; targets are 0/1
/// labels for cross-entropy and real values otherwise.
func smallDataset(featureCount: Int, count: Int, labels: Bool, seed: UInt64) -> Dataset {
    let rows = seededPoints(count: count, dimension: featureCount + 1, in: -2...2, seed: seed)
    return Dataset(featureCount: featureCount, features: rows.flatMap { $0.dropLast() },
                   targets: rows.map { labels ? ($0.last! > 0 ? 1 : 0) : $0.last! })
}

/// Back-propagation against central differences for `model` at seeded
/// points, over the full batch and a mini-batch (with a repeated index).
func expectGradientMatchesFiniteDifferences(_ model: any Objective, range: ClosedRange<Double> = -2...2,
                                            seed: UInt64, tolerance: Double = 1e-6,
                                            sourceLocation: SourceLocation = #_sourceLocation) {
    let batches: [Batch] = [.full, .samples([2, 0, 2]), .samples([1])]
    for point in seededPoints(count: 6, dimension: model.dimension, in: range, seed: seed) {
        for batch in batches {
            let evaluation = model.evaluate(at: point, batch: batch)
            let estimate = centralDifferences(of: { model.loss(at: $0, batch: batch) }, at: point)
            let error = GradientCheck.relativeDifference(evaluation.gradient, estimate)
            #expect(error < tolerance, "\(model.parameterNames) at \(point), batch \(batch): backprop \(evaluation.gradient), finite differences \(estimate)", sourceLocation: sourceLocation)
            #expect(isClose(evaluation.loss, model.loss(at: point, batch: batch), tolerance: 1e-14),
                    "the recorded and the direct loss differ at \(point)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct `Model gradients against finite differences` {
    static let losses = LossFunction.allCases

    @Test(arguments: losses)
    func `the one-weight model's gradient is back-propagated correctly`(loss: LossFunction) {
        let model = OneWeightModel(data: smallDataset(featureCount: 1, count: 5, labels: loss == .binaryCrossEntropy,
                                                      seed: 1), loss: loss)
        expectGradientMatchesFiniteDifferences(model, seed: 11)
    }

    @Test(arguments: losses)
    func `linear regression's gradient is back-propagated correctly`(loss: LossFunction) {
        let model = LinearRegression(data: smallDataset(featureCount: 1, count: 6, labels: loss == .binaryCrossEntropy,
                                                        seed: 2), loss: loss)
        expectGradientMatchesFiniteDifferences(model, seed: 12)
    }

    @Test(arguments: [Activation.sigmoid, .tanh, .relu], [1, 3])
    func `a regression neuron's gradient is back-propagated correctly`(activation: Activation, inputs: Int) {
        let model = Neuron(data: smallDataset(featureCount: inputs, count: 6, labels: false, seed: 3),
                           activation: activation)
        expectGradientMatchesFiniteDifferences(model, seed: 13)
    }

    @Test(arguments: [Activation.sigmoid, .tanh], [1, 3])
    func `a classifying neuron's gradient is back-propagated correctly`(activation: Activation, inputs: Int) {
        let model = Neuron(data: smallDataset(featureCount: inputs, count: 6, labels: true, seed: 4),
                           activation: activation, loss: .binaryCrossEntropy)
        expectGradientMatchesFiniteDifferences(model, seed: 14)
    }

    @Test(arguments: Activation.allCases, LossFunction.allCases)
    func `a network's gradient is back-propagated correctly`(activation: Activation, loss: LossFunction) {
        let data = smallDataset(featureCount: 2, count: 5, labels: loss == .binaryCrossEntropy, seed: 5)
        let model = MultilayerPerceptron(data: data, hiddenSizes: [3, 2], activation: activation, loss: loss)
        expectGradientMatchesFiniteDifferences(model, range: -1.5...1.5, seed: 15)
    }

    @Test func `at all-zero weights, where every logit is exactly 0, the gradients are still right`() {
        let data = smallDataset(featureCount: 2, count: 6, labels: true, seed: 7)
        let models: [any Objective] = [
            Neuron(data: data, activation: .sigmoid, loss: .binaryCrossEntropy),
            Neuron(data: data, activation: .tanh, loss: .binaryCrossEntropy),
            MultilayerPerceptron(data: data, hiddenSizes: [2], loss: .binaryCrossEntropy),
        ]
        for model in models {
            let origin = [Double](repeating: 0, count: model.dimension)
            let gradient = model.evaluate(at: origin).gradient
            let estimate = centralDifferences(of: { model.loss(at: $0) }, at: origin)
            #expect(GradientCheck.relativeDifference(gradient, estimate) < 1e-6,
                    "\(model.parameterNames): backprop \(gradient), finite differences \(estimate)")
        }
    }

    @Test func `a network without hidden layers is a linear model`() {
        let data = smallDataset(featureCount: 3, count: 5, labels: false, seed: 6)
        let network = MultilayerPerceptron(data: data, hiddenSizes: [])
        #expect(network.parameterNames == ["A1[0][0]", "A1[0][1]", "A1[0][2]", "c1[0]"])
        expectGradientMatchesFiniteDifferences(network, seed: 16)
    }
}
