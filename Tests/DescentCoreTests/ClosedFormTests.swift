import DescentCore
import Testing
import TestSupport

@Suite struct `Closed-form minima` {
    @Test func `the seed's one-weight example has its minimum at w = 4`() throws {
        let model = OneWeightModel(input: 3, truth: 12)
        #expect(model.parameterNames == ["w"])
        #expect(model.closedFormSolution == [4])
        let minimum = try #require(model.knownMinimum)
        #expect(minimum.point == [4] && minimum.loss == 0 && minimum.isGlobal)
        // (3·2 − 12)² = 36; d/dw = 2·3·(3·2 − 12) = −36.
        #expect(model.evaluate(at: [2]) == Evaluation(loss: 36, gradient: [-36]))
    }

    @Test func `the one-weight closed form is Σxy / Σx² and zeroes the gradient`() throws {
        let model = OneWeightModel(data: Dataset(points: [(1, 2), (2, 3), (-1, -4)]))
        let w = try #require(model.closedFormSolution)[0]
        #expect(isClose(w, (2.0 + 6 + 4) / (1 + 4 + 1)), "got \(w)")
        #expect(abs(model.evaluate(at: [w]).gradient[0]) < 1e-12)
    }

    @Test func `descent on the one-weight model approaches the closed form`() {
        var run = TrainingRun(objective: OneWeightModel(input: 3, truth: 12), start: [0],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.02)))
        run.step(count: 200)
        #expect(isClose(run.weights[0], 4, tolerance: 1e-6), "got \(run.weights)")
    }

    @Test func `least squares zeroes linear regression's gradient`() throws {
        let data = smallDataset(featureCount: 1, count: 20, labels: false, seed: 21)
        let model = LinearRegression(data: data)
        let solution = try #require(model.closedFormSolution)
        let gradient = model.evaluate(at: solution).gradient
        #expect(gradient.allSatisfy { abs($0) < 1e-12 }, "gradient \(gradient) at \(solution)")
        // Any step away from the optimum raises the loss.
        for offset in [[0.01, 0], [0, 0.01], [-0.01, 0.01]] {
            let nearby = zip(solution, offset).map { $0 + $1 }
            #expect(model.loss(at: nearby) > model.loss(at: solution), "at \(nearby)")
        }
        #expect(model.knownMinimum?.point == solution)
    }

    @Test func `cross-entropy models and degenerate inputs have no closed form`() {
        let labels = Dataset(points: [(1, 0), (2, 1)])
        #expect(OneWeightModel(data: labels, loss: .binaryCrossEntropy).closedFormSolution == nil)
        #expect(LinearRegression(data: labels, loss: .binaryCrossEntropy).knownMinimum == nil)
        #expect(OneWeightModel(data: Dataset(points: [(0, 1)])).closedFormSolution == nil)
        #expect(LinearRegression(data: Dataset(points: [(1, 1), (1, 2)])).closedFormSolution == nil)
    }
}

@Suite struct `The one-weight loss curve` {
    @Test func `the seed's curve is the parabola (3w − 12)² with its lowest sample at w = 4`() throws {
        let model = OneWeightModel(input: 3, truth: 12)
        let ws = (0...16).map { Double($0) / 2 }
        let values = model.losses(on: .line(name: "w"), us: ws, vs: [0], batch: .full)
        for (w, value) in zip(ws, values) {
            #expect(value == (3 * w - 12) * (3 * w - 12), "at w = \(w)")
        }
        let lowest = try #require(values.indices.min { values[$0] < values[$1] })
        #expect(ws[lowest] == 4 && values[lowest] == 0)
    }
}
