// The fast paths of linear regression under mean squared error over the
// full data set: the gradient from the vectorised tape's fused line loss (one
// pass over the data, local partials computed alongside the loss), and grid
// rows evaluated 32 cells at a time. Anything else (a mini-batch,
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
        let (loss, w, b) = workspace.tensorTape.lineMeanSquaredError(slope: weights[0], intercept: weights[1],
                                                                     inputs: data.features, targets: data.targets)
        workspace.tensorTape.backward(from: loss)
        workspace.loss = workspace.tensorTape.scalar(of: loss)
        let slope = workspace.tensorTape.scalarAdjoint(of: w)
        let intercept = workspace.tensorTape.scalarAdjoint(of: b)
        if workspace.gradient.count == 2 {
            workspace.gradient.withUnsafeMutableBufferPointer { gradient in
                gradient[0] = slope
                gradient[1] = intercept
            }
        } else {
            workspace.gradient = [slope, intercept]
        }
    }

    /// Grid losses (mean squared error, full batch) a row at a time: for each
    /// row, samples outer and cells inner, so every cell still sums its own
    /// samples in order (`r = w·x + b − y`, `Σ r²`, then `/ N`) while
    /// 32 cells share each load of a sample. Otherwise point by point.
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
    /// `out[c] = (1/N) Σᵢ (w[c]·xᵢ + b[c] − yᵢ)²` for every cell c: samples in
    /// the inner loop, 32 cells (four vectors) per pass over them, so each
    /// cell keeps one accumulator in a register and still sums its samples in
    /// order, while the four independent chains hide the multiply-add latency.
    ///
    /// - Complexity: O(cells × N).
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
        while c + 32 <= cells {
            let w0 = load(ws + c), w1 = load(ws + c + 8), w2 = load(ws + c + 16), w3 = load(ws + c + 24)
            let b0 = load(bs + c), b1 = load(bs + c + 8), b2 = load(bs + c + 16), b3 = load(bs + c + 24)
            var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
            for i in 0..<samples {
                let xi = Vector(repeating: xs[i]), yi = Vector(repeating: ys[i])
                let r0 = b0.plusProduct(w0, xi) - yi, r1 = b1.plusProduct(w1, xi) - yi
                let r2 = b2.plusProduct(w2, xi) - yi, r3 = b3.plusProduct(w3, xi) - yi
                s0 = s0.plusProduct(r0, r0); s1 = s1.plusProduct(r1, r1)
                s2 = s2.plusProduct(r2, r2); s3 = s3.plusProduct(r3, r3)
            }
            store(s0 / count, output + c); store(s1 / count, output + c + 8)
            store(s2 / count, output + c + 16); store(s3 / count, output + c + 24)
            c += 32
        }
        while c < cells {
            // The rest, eight cells (or fewer, padded) at a time.
            let lanes = Swift.min(8, cells - c)
            let w0 = FastMath.loadPartial(ws + c, count: lanes), b0 = FastMath.loadPartial(bs + c, count: lanes)
            var s0 = Vector()
            for i in 0..<samples {
                let r0 = b0.plusProduct(w0, Vector(repeating: xs[i])) - Vector(repeating: ys[i])
                s0 = s0.plusProduct(r0, r0)
            }
            FastMath.storePartial(s0 / count, output + c, count: lanes)
            c += lanes
        }
    }
}
