import Foundation
import DescentCore
import Testing
import TestSupport

@Suite struct `Neuron and network structure` {
    @Test func `a neuron names its weights w1 … wk and b, or w and b for one input`() {
        let three = Neuron(data: smallDataset(featureCount: 3, count: 4, labels: false, seed: 1))
        #expect(three.parameterNames == ["w1", "w2", "w3", "b"])
        #expect(three.filters == [0..<3] && three.biasIndices == [3])
        let one = Neuron(data: Dataset(points: [(1, 0.5)]), activation: .tanh)
        #expect(one.parameterNames == ["w", "b"])
    }

    @Test func `a neuron predicts f(w·x + b), and a probability under cross-entropy`() {
        let data = Dataset(featureCount: 2, features: [1, 2], targets: [1])
        let input = [0.5, -1.0], weights = [2.0, 0.25, 0.1]  // z = 1 − 0.25 + 0.1 = 0.85
        #expect(isClose(Neuron(data: data, activation: .tanh).prediction(at: weights, input: input), tanh(0.85)))
        #expect(isClose(Neuron(data: data, activation: .relu).prediction(at: weights, input: input), 0.85))
        let classifier = Neuron(data: data, activation: .tanh, loss: .binaryCrossEntropy)
        #expect(isClose(classifier.prediction(at: weights, input: input), (1 + tanh(0.85)) / 2))
        // The loss of that sample (y = 1) is −ln p at the data's own input (z = 2 + 0.5 + 0.1 = 2.6).
        #expect(isClose(classifier.loss(at: weights), -log((1 + tanh(2.6)) / 2), tolerance: 1e-12))
    }

    @Test func `a sigmoid neuron's plateau has a vanishing gradient`() {
        let neuron = Neuron(data: Dataset(points: [(1, 1), (2, 1)]))
        let gradient = neuron.evaluate(at: [-20, -20]).gradient
        #expect(gradient.allSatisfy { abs($0) < 1e-8 } && gradient.contains { $0 != 0 }, "\(gradient)")
    }

    @Test func `a network's weights are in the documented flat order`() {
        let network = MultilayerPerceptron(data: smallDataset(featureCount: 2, count: 3, labels: false, seed: 2),
                                           hiddenSizes: [3])
        #expect(network.layerSizes == [2, 3, 1] && network.hiddenSizes == [3])
        #expect(network.parameterNames == [
            "A1[0][0]", "A1[0][1]", "A1[1][0]", "A1[1][1]", "A1[2][0]", "A1[2][1]", "c1[0]", "c1[1]", "c1[2]",
            "A2[0][0]", "A2[0][1]", "A2[0][2]", "c2[0]",
        ])
        #expect(network.layers == [
            .init(inputSize: 2, outputSize: 3, weightOffset: 0, biasOffset: 6),
            .init(inputSize: 3, outputSize: 1, weightOffset: 9, biasOffset: 12),
        ])
        #expect(network.filters == [0..<2, 2..<4, 4..<6, 9..<12])
        #expect(network.biasIndices == [6, 7, 8, 12])
    }

    @Test func `a network computes its forward pass as hand-computed`() throws {
        let data = Dataset(points: [(0.5, 1)])
        let network = MultilayerPerceptron(data: data, hiddenSizes: [2], activation: .tanh)
        let weights = try network.weightVector(matrices: [[[1], [-1]], [[2, 3]]], biases: [[0, 0.5], [0.1]])
        #expect(weights == [1, -1, 0, 0.5, 2, 3, 0.1])
        // h = (tanh 0.5, tanh 0) ; z = 2·tanh 0.5 + 3·0 + 0.1.
        let z = 2 * tanh(0.5) + 0.1
        #expect(isClose(network.prediction(at: weights, input: [0.5]), z, tolerance: 1e-15))
        #expect(isClose(network.loss(at: weights), (z - 1) * (z - 1), tolerance: 1e-15))
        let classifier = MultilayerPerceptron(data: data, hiddenSizes: [2], activation: .tanh,
                                              loss: .binaryCrossEntropy)
        #expect(isClose(classifier.prediction(at: weights, input: [0.5]), 1 / (1 + exp(-z)), tolerance: 1e-15))
        let layers = network.matrices(of: weights)
        #expect(layers.map(\.matrix) == [[[1], [-1]], [[2, 3]]] && layers.map(\.bias) == [[0, 0.5], [0.1]])
    }

    @Test func `explicit weights of the wrong shape are refused with the place named`() {
        let network = MultilayerPerceptron(data: smallDataset(featureCount: 2, count: 3, labels: false, seed: 3),
                                           hiddenSizes: [2])
        let cases: [([[[Double]]], [[Double]], String)] = [
            ([[[1, 2], [3, 4]]], [[0, 0]], "1 layers of weights, expected 2 (one per layer after the input)"),
            ([[[1, 2]], [[1, 2]]], [[0, 0], [0]], "A1 has 1 rows, expected 2 (one per unit of layer 1)"),
            ([[[1, 2], [3, 4]], [[1, 2, 3]]], [[0, 0], [0]], "A2[0] has 3 entries, expected 2 (one per input of layer 2)"),
            ([[[1, 2], [3, 4]], [[1, 2]]], [[0, 0], []], "c2 has 0 entries, expected 1 (one per unit of layer 2)"),
        ]
        for (matrices, biases, message) in cases {
            #expect(throws: MultilayerPerceptron.ShapeError.self) {
                _ = try network.weightVector(matrices: matrices, biases: biases)
            }
            do {
                _ = try network.weightVector(matrices: matrices, biases: biases)
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test(arguments: Activation.allCases)
    func `seeded initial weights are reproducible, bounded, and leave the biases at zero`(activation: Activation) {
        let network = MultilayerPerceptron(data: smallDataset(featureCount: 2, count: 3, labels: false, seed: 4),
                                           hiddenSizes: [4, 3], activation: activation)
        let weights = network.initialWeights(seed: 7)
        #expect(weights == network.initialWeights(seed: 7))
        #expect(weights != network.initialWeights(seed: 8))
        #expect(network.biasIndices.allSatisfy { weights[$0] == 0 })
        for layer in network.layers {
            let fanIn = Double(layer.inputSize), fanOut = Double(layer.outputSize)
            let bound = (activation == .relu ? 6 / fanIn : 6 / (fanIn + fanOut)).squareRoot()
            let layerWeights = weights[layer.weightOffset..<layer.biasOffset]
            #expect(layerWeights.allSatisfy { abs($0) <= bound && $0 != 0 }, "\(layer): \(layerWeights)")
        }
    }
}
