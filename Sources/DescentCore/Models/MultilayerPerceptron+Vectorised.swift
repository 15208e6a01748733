// The MLP's fast paths on the vectorised tape: the batch is one matrix
// (a row per sample), each layer one `affine` plus an element-wise
// activation, so a step records a dozen tensor operations instead of tens of
// thousands of scalar ones. The scalar forward pass (MultilayerPerceptron.swift)
// stays the reference: tests check both agree, and the gradient still comes
// from back-propagation, on the tensor tape.

extension MultilayerPerceptron {
    /// Records the loss over `batch` on `tape` (not cleared): each layer's
    /// `Aₗ` as a variable `Wₗ = Aₗᵀ` (inputs × units) and `cₗ` as a 1 × units
    /// variable, the batch as data. Returns the loss and, per layer, the
    /// weight and bias tensors (to read the gradient back).
    ///
    /// - Complexity: O(|batch| × number of weights).
    public func record(at weights: [Double], batch: Batch, on tape: inout TensorTape)
        -> (loss: Tensor, parameters: [(weights: Tensor, bias: Tensor)]) {
        precondition(weights.count == dimension, "this network has \(dimension) weights, got \(weights.count)")
        var parameters: [(weights: Tensor, bias: Tensor)] = []
        parameters.reserveCapacity(layers.count)
        let loss = recordLoss(at: weights, batch: batch, on: &tape) { parameters.append(($0, $1)) }
        return (loss, parameters)
    }

    /// The loss on `tape`, calling `visit` with each layer's weight and bias
    /// tensors in order (no allocation of its own).
    @inlinable
    func recordLoss(at weights: [Double], batch: Batch, on tape: inout TensorTape,
                    visit: (Tensor, Tensor) -> Void) -> Tensor {
        let columns = layerSizes[0]
        let input: Tensor, target: Tensor
        switch batch {
        case .full:
            input = tape.constant(gathering: 0..<data.count, from: data.features, columns: columns)
            target = tape.constant(gathering: 0..<data.count, from: data.targets, columns: 1)
        case .samples(let indices):
            input = tape.constant(gathering: indices, from: data.features, columns: columns)
            target = tape.constant(gathering: indices, from: data.targets, columns: 1)
        }
        var activations = input
        weights.withUnsafeBufferPointer { flat in
            for (l, layer) in layers.enumerated() {
                let matrix = UnsafeBufferPointer(rebasing: flat[layer.weightOffset..<layer.biasOffset])
                let w = tape.variable(transposing: matrix, rows: layer.inputSize, columns: layer.outputSize)
                let bias = UnsafeBufferPointer(rebasing: flat[layer.biasOffset..<(layer.biasOffset + layer.outputSize)])
                let c = tape.variable(bias, rows: 1, columns: layer.outputSize)
                visit(w, c)
                let z = tape.affine(activations, w, c)
                if l == layers.count - 1 {
                    activations = z
                } else {
                    switch activation {
                    case .tanh: activations = tape.tanh(z)
                    case .sigmoid: activations = tape.sigmoid(z)
                    case .relu: activations = tape.relu(z)
                    }
                }
            }
        }
        switch lossFunction {
        case .meanSquaredError: return tape.meanSquaredError(activations, target)
        case .binaryCrossEntropy: return tape.binaryCrossEntropy(logits: activations, target)
        }
    }

    /// The loss and gradient by back-propagation on the workspace's tensor
    /// tape; the gradient is written back in the flat weight order.
    ///
    /// - Complexity: O(|batch| × number of weights); no allocation once the
    ///   workspace has warmed up.
    public func evaluate(at weights: [Double], batch: Batch, into workspace: inout EvaluationWorkspace) {
        workspace.tensorTape.removeAll()
        let loss = recordLoss(at: weights, batch: batch, on: &workspace.tensorTape) { _, _ in }
        workspace.tensorTape.backward(from: loss)
        workspace.loss = workspace.tensorTape.scalar(of: loss)
        if workspace.gradient.count != dimension {
            workspace.gradient = [Double](repeating: 0, count: dimension)
        }
        // Tensors were recorded in a fixed order: two leaves of data, then per
        // layer W, c, the affine, and (hidden layers) the activation.
        var tensorIndex: Int32 = 2
        workspace.gradient.withUnsafeMutableBufferPointer { gradient in
            for (l, layer) in layers.enumerated() {
                let w = Tensor(index: tensorIndex), c = Tensor(index: tensorIndex + 1)
                workspace.tensorTape.withAdjoint(of: w) { adjoint in
                    // adjoint is Wᵀ's (inputs × units); the flat order is Aₗ[j][k].
                    for j in 0..<layer.outputSize {
                        for k in 0..<layer.inputSize {
                            gradient[layer.weightIndex(row: j, column: k)] = adjoint[k * layer.outputSize + j]
                        }
                    }
                }
                workspace.tensorTape.withAdjoint(of: c) { adjoint in
                    for j in 0..<layer.outputSize { gradient[layer.biasOffset + j] = adjoint[j] }
                }
                tensorIndex += l == layers.count - 1 ? 3 : 4
            }
        }
    }
}
