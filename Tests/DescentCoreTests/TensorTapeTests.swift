import DescentCore
import Glibc
import Testing
import TestSupport

/// A tensor operation under test: builds its output from variables of the
/// given shapes (values row-major, concatenated in `point`).
struct TensorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let shapes: [TensorShape]
    /// Shifts inputs away from kinks (relu at 0) and out-of-domain values.
    var offset = 0.0
    let build: @Sendable (inout TensorTape, [Tensor]) -> Tensor
    var testDescription: String { name }
}

/// Records `testCase` at `point` and reduces its output to a scalar by a
/// fixed, non-uniform weighting, so every output element's adjoint differs.
func weightedOutput(_ testCase: TensorCase, at point: [Double], on tape: inout TensorTape) -> (Tensor, [Tensor]) {
    var start = 0
    var inputs: [Tensor] = []
    for shape in testCase.shapes {
        inputs.append(tape.variable(Array(point[start..<(start + shape.count)]), rows: shape.rows, columns: shape.columns))
        start += shape.count
    }
    let output = testCase.build(&tape, inputs)
    let shape = tape.shape(of: output)
    let weights = tape.constant((0..<shape.count).map { 0.3 + 0.17 * Double($0) }, rows: shape.rows, columns: shape.columns)
    return (tape.sum(tape.multiply(output, weights)), inputs)
}

let tensorCases: [TensorCase] = [
    TensorCase(name: "matrix product 3×4 · 4×5", shapes: [.init(rows: 3, columns: 4), .init(rows: 4, columns: 5)]) { $0.matrixProduct($1[0], $1[1]) },
    TensorCase(name: "matrix product 6×9 · 9×10 (blocked columns)", shapes: [.init(rows: 6, columns: 9), .init(rows: 9, columns: 10)]) { $0.matrixProduct($1[0], $1[1]) },
    TensorCase(name: "matrix–vector product 5×7 · 7×1", shapes: [.init(rows: 5, columns: 7), .init(rows: 7, columns: 1)]) { $0.matrixProduct($1[0], $1[1]) },
    TensorCase(name: "affine 4×3 · 3×9 + 1×9", shapes: [.init(rows: 4, columns: 3), .init(rows: 3, columns: 9), .init(rows: 1, columns: 9)]) { $0.affine($1[0], $1[1], $1[2]) },
    TensorCase(name: "add, same shapes", shapes: [.init(rows: 2, columns: 3), .init(rows: 2, columns: 3)]) { $0.add($1[0], $1[1]) },
    TensorCase(name: "add, a broadcast row", shapes: [.init(rows: 3, columns: 4), .init(rows: 1, columns: 4)]) { $0.add($1[0], $1[1]) },
    TensorCase(name: "add, a broadcast element", shapes: [.init(rows: 3, columns: 2), .scalar]) { $0.add($1[0], $1[1]) },
    TensorCase(name: "subtract", shapes: [.init(rows: 2, columns: 5), .init(rows: 2, columns: 5)]) { $0.subtract($1[0], $1[1]) },
    TensorCase(name: "multiply element-wise", shapes: [.init(rows: 3, columns: 3), .init(rows: 3, columns: 3)]) { $0.multiply($1[0], $1[1]) },
    TensorCase(name: "scale", shapes: [.init(rows: 2, columns: 6)]) { $0.scale($1[0], by: -1.75) },
    TensorCase(name: "tanh", shapes: [.init(rows: 3, columns: 7)]) { $0.tanh($1[0]) },
    TensorCase(name: "sigmoid", shapes: [.init(rows: 3, columns: 7)]) { $0.sigmoid($1[0]) },
    TensorCase(name: "relu", shapes: [.init(rows: 4, columns: 5)], offset: 0.05) { $0.relu($1[0]) },
    TensorCase(name: "sum", shapes: [.init(rows: 3, columns: 5)]) { $0.sum($1[0]) },
    TensorCase(name: "mean", shapes: [.init(rows: 3, columns: 5)]) { $0.mean($1[0]) },
    TensorCase(name: "mean squared error", shapes: [.init(rows: 6, columns: 1), .init(rows: 6, columns: 1)]) { $0.meanSquaredError($1[0], $1[1]) },
    TensorCase(name: "binary cross-entropy", shapes: [.init(rows: 5, columns: 1), .init(rows: 5, columns: 1)]) {
        $0.binaryCrossEntropy($0.sigmoid($1[0]), $0.sigmoid($1[1]))
    },
]

@Suite struct `The vectorised tape` {
    @Test(arguments: tensorCases)
    func `every operation's gradient matches central differences`(testCase: TensorCase) {
        let dimension = testCase.shapes.reduce(0) { $0 + $1.count }
        for point in seededPoints(count: 3, dimension: dimension, in: -1.5...1.5, seed: 11) {
            // Keep relu's inputs off its kink, where a finite difference straddles it.
            let shifted = point.map { $0 + ($0 >= 0 ? testCase.offset : -testCase.offset) }
            var tape = TensorTape()
            let (loss, inputs) = weightedOutput(testCase, at: shifted, on: &tape)
            tape.backward(from: loss)
            let gradient = inputs.flatMap { tape.adjoint(of: $0) }
            let estimate = centralDifferences(of: { x in
                var fresh = TensorTape()
                let (output, _) = weightedOutput(testCase, at: x, on: &fresh)
                return fresh.scalar(of: output)
            }, at: shifted)
            let error = GradientCheck.relativeDifference(gradient, estimate)
            #expect(error < 1e-7, "\(testCase.name) at \(shifted): backprop \(gradient), differences \(estimate)")
        }
    }

    /// The same two-layer tanh network on both tapes, sample by sample on the
    /// scalar tape and as matrices on the vectorised one.
    @Test func `a small network's loss and gradient agree with the scalar tape`() {
        let (inputs, hidden, batch) = (2, 3, 5)
        let x = seededPoints(count: 1, dimension: batch * inputs, in: -1...1, seed: 3)[0]
        let y = seededPoints(count: 1, dimension: batch, in: -1...1, seed: 4)[0]
        let w1 = seededPoints(count: 1, dimension: inputs * hidden, in: -1...1, seed: 5)[0]
        let b1 = seededPoints(count: 1, dimension: hidden, in: -1...1, seed: 6)[0]
        let w2 = seededPoints(count: 1, dimension: hidden, in: -1...1, seed: 7)[0]
        let b2 = [0.25]

        var tensors = TensorTape()
        let tw1 = tensors.variable(w1, rows: inputs, columns: hidden), tb1 = tensors.variable(b1, rows: 1, columns: hidden)
        let tw2 = tensors.variable(w2, rows: hidden, columns: 1), tb2 = tensors.variable(b2, rows: 1, columns: 1)
        let h = tensors.tanh(tensors.affine(tensors.constant(x, rows: batch, columns: inputs), tw1, tb1))
        let loss = tensors.meanSquaredError(tensors.affine(h, tw2, tb2), tensors.constant(y, rows: batch, columns: 1))
        tensors.backward(from: loss)

        var scalars = Tape()
        let sw1 = w1.map { scalars.variable($0) }, sb1 = b1.map { scalars.variable($0) }
        let sw2 = w2.map { scalars.variable($0) }, sb2 = scalars.variable(b2[0])
        var total = scalars.constant(0)
        for s in 0..<batch {
            var output = sb2
            for j in 0..<hidden {
                var z = sb1[j]
                for k in 0..<inputs { z = scalars.add(z, scalars.scale(sw1[k * hidden + j], by: x[s * inputs + k])) }
                output = scalars.add(output, scalars.multiply(sw2[j], scalars.tanh(z)))
            }
            total = scalars.add(total, scalars.square(scalars.shift(output, by: -y[s])))
        }
        let scalarLoss = scalars.scale(total, by: 1 / Double(batch))
        scalars.backward(from: scalarLoss)

        #expect(isClose(tensors.scalar(of: loss), scalars.value(of: scalarLoss), tolerance: 1e-14))
        let pairs: [([Double], [Node])] = [(tensors.adjoint(of: tw1), sw1), (tensors.adjoint(of: tb1), sb1),
                                           (tensors.adjoint(of: tw2), sw2), (tensors.adjoint(of: tb2), [sb2])]
        for (vectorised, nodes) in pairs {
            for (a, node) in zip(vectorised, nodes) {
                #expect(isClose(a, scalars.adjoint(of: node), tolerance: 1e-13), "vectorised \(a), scalar \(scalars.adjoint(of: node))")
            }
        }
    }

    @Test func `the fused line loss agrees with the scalar linear model`() throws {
        let xs: [Double] = (0..<13).map { Double($0) * 0.3 - 1 }
        let data = Dataset(featureCount: 1, features: xs, targets: xs.map { Glibc.sin(3 * $0) })
        let model = LinearRegression(data: data)
        for point in seededPoints(count: 4, dimension: 2, in: -3...3, seed: 8) {
            var tape = TensorTape()
            let w = tape.variable([point[0]], rows: 1, columns: 1), b = tape.variable([point[1]], rows: 1, columns: 1)
            let loss = tape.lineMeanSquaredError(slope: w, intercept: b, inputs: data.features, targets: data.targets)
            tape.backward(from: loss)
            var scalar = Tape()
            let (output, weights) = model.record(at: point, on: &scalar)
            let gradient = scalar.gradient(of: output, withRespectTo: weights)
            #expect(isClose(tape.scalar(of: loss), scalar.value(of: output), tolerance: 1e-13), "at \(point)")
            #expect(isClose(tape.adjoint(of: w)[0], gradient[0], tolerance: 1e-13), "at \(point)")
            #expect(isClose(tape.adjoint(of: b)[0], gradient[1], tolerance: 1e-13), "at \(point)")
        }
    }

    @Test func `the fused line loss at weights by value records the same graph and numbers`() {
        let xs: [Double] = (0..<21).map { Double($0) * 0.2 - 2 }
        let ys = xs.map { 1.5 * $0 + Glibc.cos(2 * $0) }
        for point in seededPoints(count: 3, dimension: 2, in: -3...3, seed: 12) {
            var separate = TensorTape()
            let w = separate.variable(point[0]), b = separate.variable(point[1])
            let loss = separate.lineMeanSquaredError(slope: w, intercept: b, inputs: xs, targets: ys)
            separate.backward(from: loss)
            var combined = TensorTape()
            let recorded = combined.lineMeanSquaredError(slope: point[0], intercept: point[1], inputs: xs, targets: ys)
            combined.backward(from: recorded.loss)
            #expect(combined.nodes == separate.nodes, "at \(point)")
            #expect(combined.adjoint(of: recorded.slope) == separate.adjoint(of: w), "at \(point)")
            #expect(combined.adjoint(of: recorded.intercept) == separate.adjoint(of: b), "at \(point)")
            #expect(combined.scalarAdjoint(of: recorded.slope) == separate.adjoint(of: w)[0], "at \(point)")
            #expect(combined.scalarAdjoint(of: recorded.intercept) == separate.adjoint(of: b)[0], "at \(point)")
        }
    }

    @Test func `the graph is introspectable with shapes, values and adjoints`() {
        var tape = TensorTape()
        let x = tape.constant([1, 2, 3, 4, 5, 6], rows: 3, columns: 2, name: "X")
        let w = tape.variable([0.5, -1, 2, 0.25], rows: 2, columns: 2, name: "W")
        let b = tape.variable([0, 1], rows: 1, columns: 2, name: "b")
        let loss = tape.mean(tape.tanh(tape.affine(x, w, b)))
        tape.backward(from: loss)
        let nodes = tape.nodes
        #expect(nodes.map(\.operation) == [.constant, .variable, .variable, .affine, .tanh, .mean])
        let shapes: [TensorShape] = [TensorShape(rows: 3, columns: 2), TensorShape(rows: 2, columns: 2),
                                     TensorShape(rows: 1, columns: 2), TensorShape(rows: 3, columns: 2),
                                     TensorShape(rows: 3, columns: 2), .scalar]
        #expect(nodes.map(\.shape) == shapes)
        #expect(nodes.map(\.name) == ["X", "W", "b", nil, nil, nil])
        // Row i of X·W + b: (x₀·0.5 + x₁·2 + 0, x₀·(−1) + x₁·0.25 + 1).
        let affineValues: [Double] = [4.5, 0.5, 9.5, -1, 14.5, -2.5]
        #expect(nodes[3].values == affineValues)
        #expect(nodes[0].adjoint == nil, "data get no adjoint")
        #expect(nodes[5].adjoint == [1])
        #expect(nodes[3].parents == [x, w, b])
        #expect(tape.edges.count == 5)
        #expect(tape.variables == [w, b])
    }

    @Test func `a training loop reuses its storage after the first step`() {
        var tape = TensorTape()
        var weights = [0.1, -0.2, 0.3, 0.4, 0.5, -0.6]
        var capacities: [Int] = []
        for _ in 0..<5 {
            tape.removeAll()
            let x = tape.constant([1, 2, 3, 4], rows: 2, columns: 2)
            let w = tape.variable(Array(weights[0..<4]), rows: 2, columns: 2)
            let b = tape.variable(Array(weights[4..<6]), rows: 1, columns: 2)
            let loss = tape.mean(tape.tanh(tape.affine(x, w, b)))
            tape.backward(from: loss)
            let gradient = tape.adjoint(of: w) + tape.adjoint(of: b)
            for i in weights.indices { weights[i] -= 0.1 * gradient[i] }
            capacities.append(tape.storageCapacity)
        }
        #expect(Set(capacities.dropFirst()).count == 1, "capacities \(capacities)")
    }
}
