// Why a kernel of its own: a heatmap needs the loss, not a gradient, at
// thousands of weight vectors, each over the same samples. Recording a tape
// per cell would spend its time on bookkeeping and on batch-major matrices
// whose rows are samples; here the samples sit in the lanes instead (eight
// per SIMD8 vector), so every weight is one broadcast multiply-add into
// eight samples at once, eight units run side by side (independent chains
// that hide the multiply-add latency), and each activation is one
// `FastMath` call on eight samples. Every cell still evaluates the whole
// network on every sample (nothing is reused between cells). Tests check
// the cells against the scalar forward pass, one `loss(at:batch:)` per cell.

extension MultilayerPerceptron {
    /// Grid losses: for every cell, the whole network forward over the batch,
    /// eight samples per vector, and the mean loss (mean squared error of the
    /// output, or cross-entropy from the logit, as `loss(at:batch:)`).
    ///
    ///     hₗ = f(Aₗ hₗ₋₁ + cₗ)  (hidden),   z = A_L h_{L−1} + c_L
    ///     loss = (1/|B|) Σᵢ (zᵢ − yᵢ)²   or   (1/|B|) Σᵢ softplus(zᵢ) − yᵢ·zᵢ
    ///
    /// Each pre-activation sums `cₗ[j] + Σₖ Aₗ[j][k]·hₗ₋₁[k]` in k order (the
    /// output unit in four interleaved partial sums); the per-sample losses
    /// are summed lane by lane, then across lanes in a fixed order.
    ///
    /// - Complexity: O(cells × |batch| × number of weights).
    public func losses(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double] {
        precondition(plane.origin.count == dimension, "the plane needs one coordinate per weight (\(dimension))")
        let samples = SampleLanes(data: data, indices: batch.indices(in: data.count))
        precondition(samples.count > 0, "a loss needs at least one sample in its batch")
        // Only the weights the plane moves change from cell to cell.
        let moving = plane.origin.indices.filter { plane.first[$0] != 0 || plane.second[$0] != 0 }
        var point = plane.origin
        let widest = layerSizes.max() ?? 1
        let activations = UnsafeMutablePointer<FastMath.Vector>.allocate(capacity: 2 * widest)
        let outputs = UnsafeMutablePointer<FastMath.Vector>.allocate(capacity: samples.blockCount)
        defer {
            activations.deallocate()
            outputs.deallocate()
        }
        var values: [Double] = []
        values.reserveCapacity(us.count * vs.count)
        for v in vs {
            for u in us {
                // The weights exactly as `plane.weights(at:)` computes them.
                for i in moving { point[i] = plane.origin[i] + (u * plane.first[i] + v * plane.second[i]) }
                point.withUnsafeBufferPointer { weights in
                    forward(weights: weights.baseAddress!, samples: samples, scratch: activations, width: widest,
                            into: outputs)
                }
                values.append(Self.meanLoss(lossFunction, outputs: outputs, samples: samples))
            }
        }
        return values
    }

    /// The network's output (z) for every block of `samples` at `weights`;
    /// `scratch` holds two layers of `width` vectors.
    func forward(weights: UnsafePointer<Double>, samples: SampleLanes, scratch: UnsafeMutablePointer<FastMath.Vector>,
                 width: Int, into outputs: UnsafeMutablePointer<FastMath.Vector>) {
        let outputLayer = layers[layers.count - 1]
        samples.features.withUnsafeBufferPointer { features in
            let featureCount = data.featureCount
            for block in 0..<samples.blockCount {
                var input = UnsafePointer(features.baseAddress! + block * featureCount)
                var output = scratch
                for layer in layers.dropLast() {
                    Self.denseLayer(layer, weights: weights, input: input, into: output, activation: activation)
                    input = UnsafePointer(output)
                    output = output == scratch ? scratch + width : scratch
                }
                outputs[block] = Self.outputUnit(outputLayer, weights: weights, input: input)
            }
        }
    }

    /// The mean of the per-sample losses of `outputs` against the samples'
    /// targets: summed lane by lane (the last block's empty lanes left out),
    /// then across lanes in a fixed order. A function of its own, over
    /// memory, so its vector arithmetic is inlined whole.
    static func meanLoss(_ lossFunction: LossFunction, outputs: UnsafePointer<FastMath.Vector>,
                         samples: SampleLanes) -> Double {
        var total = FastMath.Vector()
        samples.targets.withUnsafeBufferPointer { targets in
            for block in 0..<samples.blockCount {
                let z = outputs[block], y = targets[block]
                var loss: FastMath.Vector
                switch lossFunction {
                case .meanSquaredError:
                    let residual = z - y
                    loss = residual * residual
                case .binaryCrossEntropy:
                    loss = FastMath.softplus(z) - y * z
                }
                if block == samples.blockCount - 1 { loss.replace(with: 0, where: .!samples.lastBlockLanes) }
                total += loss
            }
        }
        return MatrixKernels.horizontalSum(total) / Double(samples.count)
    }

    /// One hidden layer on eight samples: `output[j] = f(c[j] + Σₖ A[j][k]·input[k])`,
    /// eight units at a time (then four, then one), the activation applied
    /// afterwards over the layer (one inlined copy of it, not one per unit).
    static func denseLayer(_ layer: Layer, weights: UnsafePointer<Double>, input: UnsafePointer<FastMath.Vector>,
                           into output: UnsafeMutablePointer<FastMath.Vector>, activation: Activation) {
        typealias Vector = FastMath.Vector
        let inputs = layer.inputSize, matrix = weights + layer.weightOffset, bias = weights + layer.biasOffset
        var j = 0
        while j + 8 <= layer.outputSize {
            let row = matrix + j * inputs
            var z0 = Vector(repeating: bias[j]), z1 = Vector(repeating: bias[j + 1])
            var z2 = Vector(repeating: bias[j + 2]), z3 = Vector(repeating: bias[j + 3])
            var z4 = Vector(repeating: bias[j + 4]), z5 = Vector(repeating: bias[j + 5])
            var z6 = Vector(repeating: bias[j + 6]), z7 = Vector(repeating: bias[j + 7])
            for k in 0..<inputs {
                let x = input[k]
                z0 = z0.plusProduct(row[k], x); z1 = z1.plusProduct(row[inputs + k], x)
                z2 = z2.plusProduct(row[2 * inputs + k], x); z3 = z3.plusProduct(row[3 * inputs + k], x)
                z4 = z4.plusProduct(row[4 * inputs + k], x); z5 = z5.plusProduct(row[5 * inputs + k], x)
                z6 = z6.plusProduct(row[6 * inputs + k], x); z7 = z7.plusProduct(row[7 * inputs + k], x)
            }
            output[j] = z0; output[j + 1] = z1; output[j + 2] = z2; output[j + 3] = z3
            output[j + 4] = z4; output[j + 5] = z5; output[j + 6] = z6; output[j + 7] = z7
            j += 8
        }
        while j + 4 <= layer.outputSize {
            let row = matrix + j * inputs
            var z0 = Vector(repeating: bias[j]), z1 = Vector(repeating: bias[j + 1])
            var z2 = Vector(repeating: bias[j + 2]), z3 = Vector(repeating: bias[j + 3])
            for k in 0..<inputs {
                let x = input[k]
                z0 = z0.plusProduct(row[k], x); z1 = z1.plusProduct(row[inputs + k], x)
                z2 = z2.plusProduct(row[2 * inputs + k], x); z3 = z3.plusProduct(row[3 * inputs + k], x)
            }
            output[j] = z0; output[j + 1] = z1; output[j + 2] = z2; output[j + 3] = z3
            j += 4
        }
        while j < layer.outputSize {
            let row = matrix + j * inputs
            var z = Vector(repeating: bias[j])
            for k in 0..<inputs { z = z.plusProduct(row[k], input[k]) }
            output[j] = z
            j += 1
        }
        // Each unit's activation is independent: the core overlaps them.
        switch activation {
        case .tanh: for unit in 0..<layer.outputSize { output[unit] = FastMath.tanh(output[unit]) }
        case .sigmoid: for unit in 0..<layer.outputSize { output[unit] = FastMath.sigmoid(output[unit]) }
        case .relu:
            for unit in 0..<layer.outputSize { output[unit].replace(with: 0, where: .!(output[unit] .> 0)) }
        }
    }

    /// The output unit on eight samples, `c + Σₖ A[0][k]·input[k]`, in four
    /// interleaved partial sums (k mod 4) added in a fixed order.
    static func outputUnit(_ layer: Layer, weights: UnsafePointer<Double>,
                           input: UnsafePointer<FastMath.Vector>) -> FastMath.Vector {
        typealias Vector = FastMath.Vector
        let row = weights + layer.weightOffset, inputs = layer.inputSize
        var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
        var k = 0
        while k + 4 <= inputs {
            s0 = s0.plusProduct(row[k], input[k]); s1 = s1.plusProduct(row[k + 1], input[k + 1])
            s2 = s2.plusProduct(row[k + 2], input[k + 2]); s3 = s3.plusProduct(row[k + 3], input[k + 3])
            k += 4
        }
        while k < inputs {
            s0 = s0.plusProduct(row[k], input[k])
            k += 1
        }
        return Vector(repeating: weights[layer.biasOffset]) + ((s0 + s1) + (s2 + s3))
    }
}

/// A batch laid out for the grid kernel: samples in lanes, eight per block.
/// Block b holds `featureCount` vectors (feature f of samples 8b … 8b+7) and
/// one vector of targets; the last block is padded with zeros.
struct SampleLanes {
    let count: Int
    let blockCount: Int
    let features: [FastMath.Vector]
    let targets: [FastMath.Vector]
    /// The lanes of the last block that hold samples.
    let lastBlockLanes: SIMDMask<SIMD8<Int64>>

    init(data: Dataset, indices: [Int]) {
        count = indices.count
        blockCount = (count + 7) / 8
        let featureCount = data.featureCount
        var features = [FastMath.Vector](repeating: FastMath.Vector(), count: blockCount * featureCount)
        var targets = [FastMath.Vector](repeating: FastMath.Vector(), count: blockCount)
        for (position, sample) in indices.enumerated() {
            let (block, lane) = position.quotientAndRemainder(dividingBy: 8)
            for f in 0..<featureCount { features[block * featureCount + f][lane] = data.features[sample * featureCount + f] }
            targets[block][lane] = data.targets[sample]
        }
        self.features = features
        self.targets = targets
        let filled = count - 8 * (blockCount - 1)
        lastBlockLanes = SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Int64>(repeating: Int64(filled))
    }
}
