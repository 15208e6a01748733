import DescentCore
import Glibc
import Testing
import TestSupport

// The blocked kernels against plain loops: shapes chosen so every path runs
// (blocks of four rows and sixteen or eight columns, the leftover rows and
// columns, single columns), forward values against the textbook triple loop
// and gradients against central differences.

/// `A·B` by the textbook triple loop (row-major, `m×k · k×n`).
func naiveProduct(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k { sum += a[i * k + p] * b[p * n + j] }
            c[i * n + j] = sum
        }
    }
    return c
}

struct ProductShape: CustomTestStringConvertible, Sendable {
    let m: Int, k: Int, n: Int
    var testDescription: String { "\(m)×\(k) · \(k)×\(n)" }
}

@Suite struct `The blocked matrix kernels` {
    static let shapes = [
        ProductShape(m: 9, k: 17, n: 19), ProductShape(m: 5, k: 3, n: 24), ProductShape(m: 7, k: 16, n: 1),
        ProductShape(m: 13, k: 18, n: 16), ProductShape(m: 4, k: 2, n: 8), ProductShape(m: 3, k: 9, n: 5),
        ProductShape(m: 64, k: 16, n: 16),
    ]

    @Test(arguments: shapes)
    func `a product equals the textbook triple loop`(shape: ProductShape) {
        let (m, k, n) = (shape.m, shape.k, shape.n)
        let a = seededPoints(count: 1, dimension: m * k, in: -2...2, seed: 31)[0]
        let b = seededPoints(count: 1, dimension: k * n, in: -2...2, seed: 32)[0]
        var tape = TensorTape()
        let product = tape.matrixProduct(tape.constant(a, rows: m, columns: k), tape.constant(b, rows: k, columns: n))
        let expected = naiveProduct(a, b, m: m, k: k, n: n)
        for (index, (value, reference)) in zip(tape.value(of: product), expected).enumerated() {
            #expect(isClose(value, reference, tolerance: 1e-13), "\(shape) element \(index): \(value) vs \(reference)")
        }
    }

    @Test(arguments: shapes)
    func `an affine layer's gradients match central differences`(shape: ProductShape) {
        let (m, k, n) = (shape.m, shape.k, shape.n)
        let x = seededPoints(count: 1, dimension: m * k, in: -1...1, seed: 33)[0]
        let point = seededPoints(count: 1, dimension: k * n + n, in: -1...1, seed: 34)[0]
        // A non-uniform weighting of the outputs, so every output's adjoint differs.
        let weighting = (0..<(m * n)).map { 0.3 + 0.01 * Double($0 % 17) }
        func record(_ weights: [Double], on tape: inout TensorTape) -> (loss: Tensor, w: Tensor, b: Tensor, x: Tensor) {
            let input = tape.variable(x, rows: m, columns: k)
            let w = tape.variable(Array(weights[0..<(k * n)]), rows: k, columns: n)
            let b = tape.variable(Array(weights[(k * n)...]), rows: 1, columns: n)
            let output = tape.tanh(tape.affine(input, w, b))
            return (tape.sum(tape.multiply(output, tape.constant(weighting, rows: m, columns: n))), w, b, input)
        }
        var tape = TensorTape()
        let (loss, w, b, input) = record(point, on: &tape)
        tape.backward(from: loss)
        let gradient = tape.adjoint(of: w) + tape.adjoint(of: b)
        let estimate = centralDifferences(of: { weights in
            var fresh = TensorTape()
            let recorded = record(weights, on: &fresh)
            return fresh.scalar(of: recorded.loss)
        }, at: point)
        let error = GradientCheck.relativeDifference(gradient, estimate)
        #expect(error < 1e-7, "\(shape): weights and bias gradient off by \(error)")
        // dX = dY·Wᵀ through the same tape: against differences in the inputs.
        let inputEstimate = centralDifferences(of: { inputs in
            var fresh = TensorTape()
            let w = fresh.variable(Array(point[0..<(k * n)]), rows: k, columns: n)
            let b = fresh.variable(Array(point[(k * n)...]), rows: 1, columns: n)
            let output = fresh.tanh(fresh.affine(fresh.variable(inputs, rows: m, columns: k), w, b))
            let loss = fresh.sum(fresh.multiply(output, fresh.constant(weighting, rows: m, columns: n)))
            return fresh.scalar(of: loss)
        }, at: x)
        let inputError = GradientCheck.relativeDifference(tape.adjoint(of: input), inputEstimate)
        #expect(inputError < 1e-7, "\(shape): input gradient off by \(inputError)")
    }
}

@Suite struct `The grid kernels agree with one scalar loss per cell` {
    static func network(hiddenSizes: [Int], activation: Activation, loss: LossFunction, count: Int) -> MultilayerPerceptron {
        var features: [Double] = [], targets: [Double] = []
        for i in 0..<count {
            let u = Glibc.sin(Double(i) * 1.7), v = Glibc.cos(Double(i) * 0.9)
            features += [u, v]
            targets.append(loss == .binaryCrossEntropy ? (u + 0.5 * v > 0 ? 1 : 0) : Glibc.sin(2 * u) * v)
        }
        return MultilayerPerceptron(data: Dataset(featureCount: 2, features: features, targets: targets),
                                    hiddenSizes: hiddenSizes, activation: activation, loss: loss)
    }

    static let cases: [NetworkCase] = Activation.allCases.flatMap { activation in
        LossFunction.allCases.map { NetworkCase(activation: activation, loss: $0) }
    }

    @Test(arguments: cases)
    func `a network with sixteen, eight, four and single units agrees on a random plane`(testCase: NetworkCase) throws {
        // 16 + 13 units: blocks of eight, four and one; 37 samples: four full blocks of eight and five lanes.
        let model = Self.network(hiddenSizes: [16, 13], activation: testCase.activation, loss: testCase.loss, count: 37)
        let weights = model.initialWeights(seed: 9)
        let plane = try #require(SurfacePlane.filterNormalised(of: model, through: weights, seed: 4))
        let us = [-1.3, -0.4, 0.0, 0.8, 2.1], vs = [-0.9, 0.35, 1.6]
        for batch in [Batch.full, .samples([36, 0, 5, 5, 20, 11, 2, 30, 8, 17, 25])] {
            let fast = model.losses(on: plane, us: us, vs: vs, batch: batch)
            let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: batch)
            #expect(fast.count == reference.count)
            for (index, (a, b)) in zip(fast, reference).enumerated() {
                #expect(isClose(a, b, tolerance: 1e-12), "\(testCase.testDescription), \(batch), cell \(index): \(a) vs \(b)")
            }
        }
    }

    @Test func `a network without hidden layers agrees too`() {
        let model = Self.network(hiddenSizes: [], activation: .tanh, loss: .binaryCrossEntropy, count: 21)
        let plane = SurfacePlane(origin: [0.2, -0.4, 0.1], first: [1, 0, 0], second: [0, 0.5, 0.5], axisNames: ("u", "v"))
        let us = [-2.0, 0, 3], vs = [-1.0, 1]
        let fast = model.losses(on: plane, us: us, vs: vs, batch: .full)
        let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: .full)
        for (index, (a, b)) in zip(fast, reference).enumerated() {
            #expect(isClose(a, b, tolerance: 1e-12), "cell \(index): \(a) vs \(b)")
        }
    }

    @Test func `linear regression's rows of 32 cells and their remainder agree`() {
        let xs: [Double] = (0..<45).map { -2 + 4 * Double($0) / 44 }
        let model = LinearRegression(data: Dataset(featureCount: 1, features: xs, targets: xs.map { 3 * $0 - 1 + Glibc.sin(5 * $0) }))
        // 75 columns: two blocks of 32 cells and eleven more (eight, then three padded).
        let us = (0..<75).map { -4 + 0.11 * Double($0) }, vs = [-3.0, 0.5, 2.25]
        let plane = SurfacePlane(origin: [0.5, -1], first: [0.8, 0.6], second: [-0.6, 0.8], axisNames: ("d1", "d2"))
        let fast = model.losses(on: plane, us: us, vs: vs, batch: .full)
        let reference = model.lossesPointByPoint(on: plane, us: us, vs: vs, batch: .full)
        for (index, (a, b)) in zip(fast, reference).enumerated() {
            #expect(isClose(a, b, tolerance: 1e-13), "cell \(index): \(a) vs \(b)")
        }
    }
}
