import DescentCore
import Glibc
import Testing
import TestSupport

@Suite struct `Fast paths agree with the scalar reference` {
    static let line: LinearRegression = {
        let xs: [Double] = (0..<37).map { -2 + 4 * Double($0) / 36 }
        return LinearRegression(data: Dataset(featureCount: 1, features: xs, targets: xs.map { 3 * $0 - 1 + 0.5 * Glibc.sin(7 * $0) }))
    }()

    @Test func `linear regression's fused gradient matches the scalar tape and finite differences`() {
        let model = Self.line
        for point in seededPoints(count: 6, dimension: 2, in: -4...4, seed: 21) {
            var fast = EvaluationWorkspace(), reference = EvaluationWorkspace()
            model.evaluate(at: point, batch: .full, into: &fast)
            model.evaluateOnScalarTape(at: point, batch: .full, into: &reference)
            #expect(isClose(fast.loss, reference.loss, tolerance: 1e-13), "loss at \(point)")
            #expect(GradientCheck.relativeDifference(fast.gradient, reference.gradient) < 1e-13,
                    "at \(point): fused \(fast.gradient), scalar \(reference.gradient)")
            let estimate = centralDifferences(of: { model.loss(at: $0) }, at: point)
            #expect(GradientCheck.relativeDifference(fast.gradient, estimate) < 1e-7, "at \(point): \(estimate)")
        }
    }

    @Test func `linear regression's grid rows match one loss per point, on any plane`() {
        let model = Self.line
        let planes = [
            SurfacePlane.identity(names: model.parameterNames),
            SurfacePlane(origin: [0.5, -1], first: [0.8, 0.6], second: [-0.6, 0.8], axisNames: ("d1", "d2")),
        ]
        let us = (0..<19).map { -3 + 0.31 * Double($0) }, vs = (0..<5).map { -2 + 0.9 * Double($0) }
        for plane in planes {
            let fast = model.losses(on: plane, us: us, vs: vs, batch: .full)
            let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: .full)
            #expect(fast.count == reference.count)
            for (index, (a, b)) in zip(fast, reference).enumerated() {
                #expect(isClose(a, b, tolerance: 1e-13), "cell \(index) on \(plane.axisNames): \(a) vs \(b)")
            }
        }
    }

    @Test func `a mini-batch or cross-entropy takes the scalar path`() {
        let model = Self.line
        var workspace = EvaluationWorkspace()
        model.evaluate(at: [1, 2], batch: .samples([0, 3, 5]), into: &workspace)
        #expect(workspace.tape.count > 0, "the scalar tape recorded the mini-batch")
        #expect(isClose(workspace.loss, model.loss(at: [1, 2], batch: .samples([0, 3, 5]))))
    }
}

struct NetworkCase: CustomTestStringConvertible, Sendable {
    let activation: Activation
    let loss: LossFunction
    var testDescription: String { "\(activation.displayName), \(loss.displayName)" }
}

@Suite struct `The network's vectorised path agrees with its scalar forward pass` {
    static func network(_ testCase: NetworkCase) -> MultilayerPerceptron {
        let count = 23
        var features: [Double] = [], targets: [Double] = []
        for i in 0..<count {
            let u = Glibc.sin(Double(i) * 1.3), v = Glibc.cos(Double(i) * 0.7)
            features += [u, v]
            targets.append(testCase.loss == .binaryCrossEntropy ? (u * v > 0 ? 1 : 0) : Glibc.sin(3 * u) * v)
        }
        return MultilayerPerceptron(data: Dataset(featureCount: 2, features: features, targets: targets),
                                    hiddenSizes: [5, 9], activation: testCase.activation, loss: testCase.loss)
    }

    static let cases = Activation.allCases.flatMap { activation in
        LossFunction.allCases.map { NetworkCase(activation: activation, loss: $0) }
    }

    @Test(arguments: cases)
    func `loss and gradient match the scalar tape`(testCase: NetworkCase) {
        let model = Self.network(testCase)
        for (seed, batch) in [(UInt64(1), Batch.full), (2, .samples([4, 0, 17, 9, 9, 22]))] {
            let weights = model.initialWeights(seed: seed).enumerated().map { $0.element + 0.01 * Double($0.offset % 7) }
            var fast = EvaluationWorkspace(), reference = EvaluationWorkspace()
            model.evaluate(at: weights, batch: batch, into: &fast)
            model.evaluateOnScalarTape(at: weights, batch: batch, into: &reference)
            #expect(isClose(fast.loss, reference.loss, tolerance: 1e-12), "\(batch): \(fast.loss) vs \(reference.loss)")
            let error = GradientCheck.relativeDifference(fast.gradient, reference.gradient)
            #expect(error < 1e-12, "\(batch): relative gradient difference \(error)")
        }
    }

    @Test func `the vectorised gradient matches central differences`() {
        let model = Self.network(NetworkCase(activation: .tanh, loss: .meanSquaredError))
        let weights = model.initialWeights(seed: 5)
        var workspace = EvaluationWorkspace()
        model.evaluate(at: weights, batch: .full, into: &workspace)
        let estimate = centralDifferences(of: { model.loss(at: $0) }, at: weights)
        #expect(GradientCheck.relativeDifference(workspace.gradient, estimate) < 1e-7)
    }

    @Test func `grid losses match one scalar loss per point`() {
        let model = Self.network(NetworkCase(activation: .tanh, loss: .meanSquaredError))
        let origin = model.initialWeights(seed: 3)
        var first = [Double](repeating: 0, count: model.dimension), second = first
        first[0] = 1
        second[7] = 0.5
        second[30] = -0.25
        let plane = SurfacePlane(origin: origin, first: first, second: second, axisNames: ("d1", "d2"))
        let us = [-1.0, -0.2, 0.4, 1.5], vs = [-2.0, 0, 0.7]
        let fast = model.losses(on: plane, us: us, vs: vs, batch: .samples(Array(0..<11)))
        let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: .samples(Array(0..<11)))
        for (index, (a, b)) in zip(fast, reference).enumerated() {
            #expect(isClose(a, b, tolerance: 1e-12), "cell \(index): \(a) vs \(b)")
        }
    }
}

@Suite struct `Parallel grid sampling` {
    @Test(arguments: [1, 2, 3, 7])
    func `splitting rows over threads gives the one-thread values bit for bit`(parallelism: Int) {
        let model = `Fast paths agree with the scalar reference`.line
        let region = ViewRegion(horizontal: -2...4, vertical: -3...5)
        let single = SurfaceGrid.sample(model, on: .identity(names: model.parameterNames), over: region,
                                        columns: 13, rows: 5, parallelism: 1)
        let split = SurfaceGrid.sample(model, on: .identity(names: model.parameterNames), over: region,
                                       columns: 13, rows: 5, parallelism: parallelism)
        #expect(split == single, "parallelism \(parallelism)")
    }
}
