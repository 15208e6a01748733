import Foundation
import DescentCore
import Testing
import TestSupport

@Suite struct `Loss functions` {
    /// −[y ln σ(z) + (1 − y) ln(1 − σ(z))], the textbook form (fine for small |z|).
    func naiveCrossEntropy(logit z: Double, target y: Double) -> Double {
        let p = 1 / (1 + Foundation.exp(-z))
        return -(y * Foundation.log(p) + (1 - y) * Foundation.log(1 - p))
    }

    func crossEntropy(logit z: Double, target y: Double) -> Evaluation {
        var tape = Tape()
        let node = tape.variable(z)
        let loss = LossFunction.binaryCrossEntropy(logit: node, target: y, in: &tape)
        return Evaluation(loss: tape.value(of: loss), gradient: tape.gradient(of: loss, withRespectTo: [node]))
    }

    @Test(arguments: [-8.0, -1.5, -0.1, 0, 0.3, 2, 9], [0.0, 1, 0.25])
    func `cross-entropy agrees with the textbook form and its gradient is σ(z) − y`(z: Double, y: Double) {
        let result = crossEntropy(logit: z, target: y)
        #expect(isClose(result.loss, naiveCrossEntropy(logit: z, target: y), tolerance: 1e-12),
                "z \(z), y \(y): \(result.loss)")
        #expect(isClose(result.gradient[0], Sigmoid.value(z) - y, tolerance: 1e-14),
                "z \(z), y \(y): \(result.gradient)")
    }

    @Test(arguments: [-1e308, -1e4, -800, 800, 1e4, 1e308], [0.0, 1])
    func `cross-entropy stays finite for huge logits`(z: Double, y: Double) {
        let result = crossEntropy(logit: z, target: y)
        #expect(result.loss.isFinite && result.loss >= 0, "z \(z), y \(y): loss \(result.loss)")
        #expect(result.gradient[0].isFinite, "z \(z), y \(y): gradient \(result.gradient)")
        // A confidently wrong logit costs |z|; a confidently right one costs ~0.
        let isWrong = (z > 0) != (y == 1)
        #expect(isWrong ? isClose(result.loss, abs(z)) : result.loss < 1e-300, "z \(z), y \(y): \(result.loss)")
        #expect(isClose(result.gradient[0], isWrong ? (z > 0 ? 1 : -1) : 0), "z \(z), y \(y): \(result.gradient)")
    }

    @Test func `a saturated classifying neuron has a finite loss and gradient`() {
        let data = Dataset(points: [(1, 0), (-1, 1), (2, 1)])
        for activation in [Activation.sigmoid, .tanh] {
            let neuron = Neuron(data: data, activation: activation, loss: .binaryCrossEntropy)
            let evaluation = neuron.evaluate(at: [1e6, -3e5])
            #expect(evaluation.loss.isFinite && evaluation.gradient.allSatisfy(\.isFinite),
                    "\(activation): \(evaluation)")
        }
    }

    @Test func `the batch loss is the mean over the batch, repeats counted`() {
        let model = LinearRegression(data: Dataset(points: [(0, 1), (1, 1), (2, 5)]))
        // Residuals at (w, b) = (1, 0): −1, 0, −3; squares 1, 0, 9.
        #expect(isClose(model.loss(at: [1, 0]), 10.0 / 3, tolerance: 1e-15))
        #expect(model.loss(at: [1, 0], batch: .samples([2])) == 9)
        #expect(isClose(model.loss(at: [1, 0], batch: .samples([0, 2, 2])), 19.0 / 3, tolerance: 1e-15))
    }

    @Test func `targets outside a loss's range are rejected`() {
        #expect(LossFunction.binaryCrossEntropy.accepts(target: 1))
        #expect(!LossFunction.binaryCrossEntropy.accepts(target: 2))
        #expect(!LossFunction.binaryCrossEntropy.accepts(target: .nan))
        #expect(LossFunction.meanSquaredError.accepts(target: -7))
        #expect(!LossFunction.meanSquaredError.accepts(target: .infinity))
    }
}
