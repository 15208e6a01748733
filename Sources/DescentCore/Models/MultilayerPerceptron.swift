// Design: the structure (layer sizes, where each layer's weights sit in the
// flat weight vector) is plain arrays of integers, and the weights are the
// flat `[Double]` every objective takes. A vectorised fast path can read
// `layers` and slice the weight vector into matrices without asking this
// type for anything else, and must agree with the scalar forward pass below,
// which is the reference.

/// A small fully connected network with one output:
///
///     h₀ = x                                   (the features of a sample)
///     hₗ = f(Aₗ hₗ₋₁ + cₗ)     for l = 1 … L−1 (hidden layers, f: tanh, sigmoid or ReLU)
///     z  = A_L h_{L−1} + c_L                   (one output unit, no activation)
///
/// Under mean squared error the prediction is `z` (a linear output); under
/// binary cross-entropy the prediction is `σ(z)` (a sigmoid output) and the
/// loss is computed from the logit `z` (see `LossFunction`).
///
/// Weights, in this flat order, layer by layer (l = 1 … L, 1-based as in the
/// formulas): first `Aₗ` row by row (`Aₗ[j][k]`: unit j of layer l, input k,
/// at `layers[l−1].weightOffset + j·inputSize + k`), then `cₗ` (`cₗ[j]`).
/// Names read `A1[0][1]`, `c1[0]`. For a 2 → 3 → 1 net:
/// `A1[0][0] A1[0][1] A1[1][0] A1[1][1] A1[2][0] A1[2][1] c1[0] c1[1] c1[2]
/// A2[0][0] A2[0][1] A2[0][2] c2[0]`.
public struct MultilayerPerceptron: Objective, LayeredObjective {
    /// Where one layer's weights sit in the flat weight vector.
    public struct Layer: Sendable, Equatable {
        /// Units feeding this layer (the previous layer's size, or the features).
        public let inputSize: Int
        /// Units of this layer.
        public let outputSize: Int
        /// Index of `A[0][0]`; the matrix is `outputSize × inputSize`, row-major.
        public let weightOffset: Int
        /// Index of `c[0]`; the biases follow the matrix.
        public let biasOffset: Int

        public init(inputSize: Int, outputSize: Int, weightOffset: Int, biasOffset: Int) {
            self.inputSize = inputSize
            self.outputSize = outputSize
            self.weightOffset = weightOffset
            self.biasOffset = biasOffset
        }

        /// The flat index of `A[row][column]`.
        @inlinable
        public func weightIndex(row: Int, column: Int) -> Int { weightOffset + row * inputSize + column }
    }

    /// A structured weight vector did not fit the layers.
    public enum ShapeError: Error, Equatable, CustomStringConvertible {
        /// A number of matrices (or bias vectors) other than one per layer.
        case layerCount(expected: Int, found: Int)
        /// Layer `layer` (1-based) has a number of matrix rows other than its units.
        case rowCount(layer: Int, expected: Int, found: Int)
        /// A row of layer `layer` (1-based; row 0-based) has the wrong length.
        case rowLength(layer: Int, row: Int, expected: Int, found: Int)
        /// Layer `layer` (1-based) has a number of biases other than its units.
        case biasCount(layer: Int, expected: Int, found: Int)

        public var description: String {
            switch self {
            case let .layerCount(expected, found):
                "\(found) layers of weights, expected \(expected) (one per layer after the input)"
            case let .rowCount(layer, expected, found):
                "A\(layer) has \(found) rows, expected \(expected) (one per unit of layer \(layer))"
            case let .rowLength(layer, row, expected, found):
                "A\(layer)[\(row)] has \(found) entries, expected \(expected) (one per input of layer \(layer))"
            case let .biasCount(layer, expected, found):
                "c\(layer) has \(found) entries, expected \(expected) (one per unit of layer \(layer))"
            }
        }
    }

    public let data: Dataset
    /// Units per layer, input first, output (1) last: `[featureCount] + hiddenSizes + [1]`.
    public let layerSizes: [Int]
    /// The non-linearity of every hidden layer.
    public let activation: Activation
    public let lossFunction: LossFunction
    /// One entry per layer after the input.
    public let layers: [Layer]
    /// `A1[0][0]`, …, `c1[0]`, …, in the flat order above.
    public let parameterNames: [String]

    /// A network over the features of `data` with the given hidden layers
    /// (empty for none: a linear or logistic model) and one output.
    public init(data: Dataset, hiddenSizes: [Int], activation: Activation = .tanh,
                loss: LossFunction = .meanSquaredError) {
        precondition(data.count > 0, "a network needs at least one sample")
        precondition(hiddenSizes.allSatisfy { $0 > 0 }, "every hidden layer needs at least one unit")
        self.data = data
        self.activation = activation
        self.lossFunction = loss
        layerSizes = [data.featureCount] + hiddenSizes + [1]
        var layers: [Layer] = [], names: [String] = [], offset = 0
        for l in 1..<layerSizes.count {
            let inputs = layerSizes[l - 1], units = layerSizes[l]
            layers.append(Layer(inputSize: inputs, outputSize: units, weightOffset: offset,
                                biasOffset: offset + inputs * units))
            for j in 0..<units { for k in 0..<inputs { names.append("A\(l)[\(j)][\(k)]") } }
            for j in 0..<units { names.append("c\(l)[\(j)]") }
            offset += inputs * units + units
        }
        self.layers = layers
        parameterNames = names
    }

    public var sampleCount: Int { data.count }

    /// Hidden layer sizes (`layerSizes` without the input and output).
    public var hiddenSizes: [Int] { Array(layerSizes.dropFirst().dropLast()) }

    /// Every unit's incoming weight row `Aₗ[j]`, in flat order; the biases
    /// `cₗ` are the indices outside them.
    public var filters: [Range<Int>] {
        layers.flatMap { layer in
            (0..<layer.outputSize).map { j in
                layer.weightIndex(row: j, column: 0)..<layer.weightIndex(row: j, column: layer.inputSize)
            }
        }
    }

    /// The output unit's value before any sigmoid (the prediction under mean
    /// squared error, the logit under cross-entropy) for one input row.
    ///
    /// - Complexity: O(number of weights) operations on `e`.
    @inlinable
    public func forward<E: ScalarEvaluator>(_ weights: [E.Value], input: ArraySlice<Double>,
                                            in e: inout E) -> E.Value {
        precondition(weights.count == dimension,
                     "a \(layerSizes.map(String.init).joined(separator: "→")) network has \(dimension) weights")
        var previous: [E.Value] = []
        for (l, layer) in layers.enumerated() {
            let isFirst = l == 0, isOutput = l == layers.count - 1
            var current: [E.Value] = []
            current.reserveCapacity(layer.outputSize)
            for j in 0..<layer.outputSize {
                var z = weights[layer.biasOffset + j]
                for k in 0..<layer.inputSize {
                    let a = weights[layer.weightIndex(row: j, column: k)]
                    // The first layer's inputs are data, not nodes: one scaled edge each.
                    let term = isFirst ? e.scale(a, by: input[input.startIndex + k]) : e.multiply(a, previous[k])
                    z = e.add(z, term)
                }
                current.append(isOutput ? z : activation.apply(z, in: &e))
            }
            previous = current
        }
        return previous[0]
    }

    /// The mean loss over `batch`; see `LossFunction`.
    ///
    /// - Complexity: O(|batch| × number of weights).
    public func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        lossFunction.mean(over: batch, of: data, in: &e) { i, e in
            forward(weights, input: data.featureRow(i), in: &e)
        }
    }

    /// The network's output for one input row: `z` under mean squared error,
    /// the probability `σ(z)` under cross-entropy.
    public func prediction(at weights: [Double], input: [Double]) -> Double {
        precondition(input.count == layerSizes[0], "the network takes \(layerSizes[0]) inputs")
        var evaluator = DirectEvaluator()
        let z = forward(weights, input: input[...], in: &evaluator)
        return lossFunction == .binaryCrossEntropy ? Sigmoid.value(z) : z
    }

    /// Seeded initial weights. Each `Aₗ[j][k]`, in flat order, is drawn
    /// uniformly (`RandomDraw.uniform`, from `SeededGenerator(seed:)`) from
    /// `[−r, r)`; every bias is 0:
    ///
    ///     r = √(6 / (nₗ₋₁ + nₗ))    tanh, sigmoid   (Glorot & Bengio 2010)
    ///     r = √(6 / nₗ₋₁)           ReLU            (He et al. 2015)
    ///
    /// with `nₗ₋₁` the layer's inputs (fan-in) and `nₗ` its units (fan-out).
    /// The output layer uses the same rule as the hidden ones.
    public func initialWeights(seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var weights = [Double](repeating: 0, count: dimension)
        for layer in layers {
            let fanIn = Double(layer.inputSize), fanOut = Double(layer.outputSize)
            let r = (activation == .relu ? 6 / fanIn : 6 / (fanIn + fanOut)).squareRoot()
            for i in layer.weightOffset..<layer.biasOffset {
                weights[i] = RandomDraw.uniform(-r, r, using: &generator)
            }
        }
        return weights
    }

    /// The flat weight vector of explicit matrices and biases:
    /// `matrices[l][j][k]` is `A(l+1)[j][k]`, `biases[l][j]` is `c(l+1)[j]`.
    public func weightVector(matrices: [[[Double]]], biases: [[Double]]) throws(ShapeError) -> [Double] {
        guard matrices.count == layers.count else {
            throw .layerCount(expected: layers.count, found: matrices.count)
        }
        guard biases.count == layers.count else { throw .layerCount(expected: layers.count, found: biases.count) }
        var weights: [Double] = []
        weights.reserveCapacity(dimension)
        for (l, layer) in layers.enumerated() {
            guard matrices[l].count == layer.outputSize else {
                throw .rowCount(layer: l + 1, expected: layer.outputSize, found: matrices[l].count)
            }
            for (j, row) in matrices[l].enumerated() {
                guard row.count == layer.inputSize else {
                    throw .rowLength(layer: l + 1, row: j, expected: layer.inputSize, found: row.count)
                }
                weights += row
            }
            guard biases[l].count == layer.outputSize else {
                throw .biasCount(layer: l + 1, expected: layer.outputSize, found: biases[l].count)
            }
            weights += biases[l]
        }
        return weights
    }

    /// The matrices and biases of a flat weight vector (the inverse of
    /// `weightVector(matrices:biases:)`), for a view of the network.
    public func matrices(of weights: [Double]) -> [(matrix: [[Double]], bias: [Double])] {
        precondition(weights.count == dimension, "this network has \(dimension) weights")
        return layers.map { layer in
            let matrix = (0..<layer.outputSize).map { j in
                Array(weights[layer.weightIndex(row: j, column: 0)..<layer.weightIndex(row: j, column: layer.inputSize)])
            }
            return (matrix, Array(weights[layer.biasOffset..<(layer.biasOffset + layer.outputSize)]))
        }
    }
}
