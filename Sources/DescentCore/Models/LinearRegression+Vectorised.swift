// The fast paths of linear regression under mean squared error over the
// full data set: the gradient from the vectorised tape's fused line loss (one
// pass over the data, local partials computed alongside the loss), and grid
// rows evaluated eight cells at a time. Anything else (a mini-batch,
// cross-entropy) takes the scalar reference paths. Tests check both paths
// agree.

extension LinearRegression {
    /// The loss and gradient from the fused line loss on the workspace's
    /// tensor tape (mean squared error, full batch); otherwise the scalar tape.
    ///
    /// - Complexity: O(N), no allocation once the workspace has warmed up.
    public func evaluate(at weights: [Double], batch: Batch, into workspace: inout EvaluationWorkspace) {
        guard lossFunction == .meanSquaredError, batch == .full else {
            evaluateOnScalarTape(at: weights, batch: batch, into: &workspace)
            return
        }
        precondition(weights.count == 2, "linear regression has two weights, w and b")
        workspace.tensorTape.removeAll()
        let w = workspace.tensorTape.variable(weights[0])
        let b = workspace.tensorTape.variable(weights[1])
        let loss = workspace.tensorTape.lineMeanSquaredError(slope: w, intercept: b,
                                                             inputs: data.features, targets: data.targets)
        workspace.tensorTape.backward(from: loss)
        workspace.loss = workspace.tensorTape.scalar(of: loss)
        workspace.gradient.removeAll(keepingCapacity: true)
        workspace.gradient.append(workspace.tensorTape.withAdjoint(of: w) { $0[0] })
        workspace.gradient.append(workspace.tensorTape.withAdjoint(of: b) { $0[0] })
    }

    /// Grid losses (mean squared error, full batch) a row at a time: for each
    /// row, samples outer and cells inner, so every cell still sums its own
    /// samples in order (`r = w·x + b − y`, `Σ r²`, then `/ N`) while
    /// eight cells share each load of a sample. Otherwise point by point.
    ///
    /// - Complexity: O(cells × N).
    public func losses(on plane: SurfacePlane, us: [Double], vs: [Double], batch: Batch) -> [Double] {
        guard lossFunction == .meanSquaredError, batch == .full, plane.origin.count == 2 else {
            return lossesPointByPoint(on: plane, us: us, vs: vs, batch: batch)
        }
        let columns = us.count
        var values = [Double](repeating: 0, count: columns * vs.count)
        var ws = [Double](repeating: 0, count: columns), bs = [Double](repeating: 0, count: columns)
        values.withUnsafeMutableBufferPointer { output in
            for (row, v) in vs.enumerated() {
                // The weights exactly as `plane.weights(at:)` computes them.
                for (column, u) in us.enumerated() {
                    ws[column] = plane.origin[0] + (u * plane.first[0] + v * plane.second[0])
                    bs[column] = plane.origin[1] + (u * plane.first[1] + v * plane.second[1])
                }
                let start = row * columns
                ws.withUnsafeBufferPointer { w in
                    bs.withUnsafeBufferPointer { b in
                        data.features.withUnsafeBufferPointer { x in
                            data.targets.withUnsafeBufferPointer { y in
                                MatrixKernels.lineSquaredErrors(
                                    slopes: w, intercepts: b, inputs: x, targets: y,
                                    into: UnsafeMutableBufferPointer(rebasing: output[start..<(start + columns)]))
                            }
                        }
                    }
                }
            }
        }
        return values
    }
}

extension MatrixKernels {
    /// `out[c] = (1/N) Σᵢ (w[c]·xᵢ + b[c] − yᵢ)²` for every cell c, eight
    /// cells per pass over the samples (accumulators kept in registers).
    @usableFromInline
    static func lineSquaredErrors(
        slopes w: UnsafeBufferPointer<Double>, intercepts b: UnsafeBufferPointer<Double>,
        inputs x: UnsafeBufferPointer<Double>, targets y: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        guard let ws = w.baseAddress, let bs = b.baseAddress, let xs = x.baseAddress, let ys = y.baseAddress,
              let output = out.baseAddress else { return }
        let cells = w.count, samples = x.count
        let count = Double(samples)
        var c = 0
        while c + 8 <= cells {
            let w0 = load(ws + c), w1 = load(ws + c + 4), b0 = load(bs + c), b1 = load(bs + c + 4)
            var s0 = Vector(), s1 = Vector()
            for i in 0..<samples {
                let xi = xs[i], yi = ys[i]
                let r0 = w0 * xi + b0 - yi, r1 = w1 * xi + b1 - yi
                s0 += r0 * r0
                s1 += r1 * r1
            }
            store(s0 / count, output + c)
            store(s1 / count, output + c + 4)
            c += 8
        }
        while c < cells {
            var sum = 0.0
            for i in 0..<samples {
                let r = ws[c] * xs[i] + bs[c] - ys[i]
                sum += r * r
            }
            output[c] = sum / count
            c += 1
        }
    }
}
