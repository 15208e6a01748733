#if canImport(Glibc)
import Glibc
#endif

// The forward rules. Each operation's vector–Jacobian product (its backward
// rule) is in TensorTape+Backward.swift under the same name, and is quoted
// in the doc comment here so the pair reads together.

extension TensorTape {
    /// `Y = A·B` for A `m×k`, B `k×n`.
    /// Backward: `dA += dY·Bᵀ`, `dB += Aᵀ·dY`.
    ///
    /// - Complexity: O(m·k·n).
    @inlinable
    public mutating func matrixProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        precondition(left.columns == right.rows, "A·B needs A's columns to equal B's rows, got \(left.shape)·\(right.shape)")
        let (m, k, n) = (Int(left.rows), Int(left.columns), Int(right.columns))
        let y = record(.matrixProduct, shape: TensorShape(rows: m, columns: n), parents: (a, b, nil))
        // The backward pass transposes B (dA = dY·Bᵀ); Aᵀ·dY needs no copy.
        scratchNeeded = Swift.max(scratchNeeded, right.count)
        let base = arena.values
        MatrixKernels.multiply(base + left.offset, base + right.offset, into: base + outputOffset(y), m: m, k: k, n: n)
        return y
    }

    /// A dense layer's pre-activation `Y = X·W + b`: X `m×k` (a batch of m
    /// rows), W `k×n`, b `1×n` added to every row.
    /// Backward: `dX += dY·Wᵀ`, `dW += Xᵀ·dY`, `db += Σ_rows dY`.
    ///
    /// - Complexity: O(m·k·n).
    @inlinable
    public mutating func affine(_ x: Tensor, _ weights: Tensor, _ bias: Tensor) -> Tensor {
        let input = entry(x), matrix = entry(weights), row = entry(bias)
        precondition(input.columns == matrix.rows, "X·W needs X's columns to equal W's rows, got \(input.shape)·\(matrix.shape)")
        precondition(row.rows == 1 && row.columns == matrix.columns, "the bias must be 1×\(matrix.columns), got \(row.shape)")
        let (m, k, n) = (Int(input.rows), Int(input.columns), Int(matrix.columns))
        let y = record(.affine, shape: TensorShape(rows: m, columns: n), parents: (x, weights, bias))
        scratchNeeded = Swift.max(scratchNeeded, matrix.count)
        let base = arena.values
        MatrixKernels.multiply(base + input.offset, base + matrix.offset, into: base + outputOffset(y),
                               m: m, k: k, n: n, initialRow: base + row.offset)
        return y
    }

    /// Element-wise `A + B`; B may also be one row (added to every row of A)
    /// or one element (added to every element).
    /// Backward: `dA += dY`; `dB += dY`, summed over the broadcast rows or elements.
    @inlinable
    public mutating func add(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        let isSame = left.shape == right.shape
        let isRow = right.rows == 1 && right.columns == left.columns
        precondition(isSame || isRow || right.count == 1,
                     "A + B needs B of A's shape \(left.shape), one row 1×\(left.columns) or one element; got \(right.shape)")
        let y = record(.add, shape: left.shape, parents: (a, b, nil))
        let base = arena.values
        let x = base + left.offset, z = base + outputOffset(y), c = base + right.offset
        let columns = Int(left.columns)
        for i in 0..<left.count {
            z[i] = x[i] + (isSame ? c[i] : (right.count == 1 ? c[0] : c[i % columns]))
        }
        return y
    }

    /// Element-wise `A − B` (same shapes).  Backward: `dA += dY`, `dB −= dY`.
    @inlinable
    public mutating func subtract(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        precondition(left.shape == right.shape, "A − B needs equal shapes, got \(left.shape) and \(right.shape)")
        let y = record(.subtract, shape: left.shape, parents: (a, b, nil))
        let base = arena.values, out = outputOffset(y)
        for i in 0..<left.count { base[out + i] = base[left.offset + i] - base[right.offset + i] }
        return y
    }

    /// Element-wise `A ⊙ B` (same shapes).  Backward: `dA += dY ⊙ B`, `dB += dY ⊙ A`.
    @inlinable
    public mutating func multiply(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        precondition(left.shape == right.shape, "A ⊙ B needs equal shapes, got \(left.shape) and \(right.shape)")
        let y = record(.multiply, shape: left.shape, parents: (a, b, nil))
        let base = arena.values, out = outputOffset(y)
        for i in 0..<left.count { base[out + i] = base[left.offset + i] * base[right.offset + i] }
        return y
    }

    /// `A · c` for a constant c.  Backward: `dA += c · dY`.
    @inlinable
    public mutating func scale(_ a: Tensor, by c: Double) -> Tensor {
        let input = entry(a)
        let y = record(.scale, shape: input.shape, parents: (a, nil, nil), constant: c)
        let base = arena.values, out = outputOffset(y)
        for i in 0..<input.count { base[out + i] = base[input.offset + i] * c }
        return y
    }

    /// Element-wise `tanh` (FastMath, ≤ 3 ulp of exact).  Backward: `dA += dY ⊙ (1 − Y²)`.
    @inlinable
    public mutating func tanh(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.tanh, shape: input.shape, parents: (a, nil, nil))
        let base = arena.values
        FastMath.tanh(base + input.offset, into: base + outputOffset(y), count: input.count)
        return y
    }

    /// Element-wise `σ(a) = 1 / (1 + e⁻ᵃ)` (FastMath exp).
    /// Backward: `dA += dY ⊙ Y ⊙ (1 − Y)`.
    @inlinable
    public mutating func sigmoid(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.sigmoid, shape: input.shape, parents: (a, nil, nil))
        let base = arena.values
        FastMath.sigmoid(base + input.offset, into: base + outputOffset(y), count: input.count)
        return y
    }

    /// Element-wise `max(a, 0)`.  Backward: `dA += dY` where Y > 0.
    @inlinable
    public mutating func relu(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.relu, shape: input.shape, parents: (a, nil, nil))
        let base = arena.values, out = outputOffset(y)
        for i in 0..<input.count {
            let x = base[input.offset + i]
            base[out + i] = x > 0 ? x : 0
        }
        return y
    }

    /// `Σ A`, 1 × 1.  Backward: `dA += dY` in every element.
    @inlinable
    public mutating func sum(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.sum, shape: .scalar, parents: (a, nil, nil))
        let base = arena.values
        base[outputOffset(y)] = MatrixKernels.sum(base + input.offset, count: input.count)
        return y
    }

    /// `mean(A)`, 1 × 1.  Backward: `dA += dY / n` in every element.
    @inlinable
    public mutating func mean(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.mean, shape: .scalar, parents: (a, nil, nil))
        let base = arena.values
        base[outputOffset(y)] = MatrixKernels.sum(base + input.offset, count: input.count) / Double(input.count)
        return y
    }

    /// Mean squared error `(1/n) Σ (Pᵢ − Tᵢ)²`, 1 × 1.
    /// Backward: `dP += dY · 2(P − T)/n`, `dT −= dY · 2(P − T)/n`.
    @inlinable
    public mutating func meanSquaredError(_ prediction: Tensor, _ target: Tensor) -> Tensor {
        let p = entry(prediction), t = entry(target)
        precondition(p.shape == t.shape, "MSE needs a target of the prediction's shape \(p.shape), got \(t.shape)")
        let y = record(.meanSquaredError, shape: .scalar, parents: (prediction, target, nil))
        let base = arena.values
        base[outputOffset(y)] = MatrixKernels.squaredDistance(base + p.offset, base + t.offset, count: p.count)
            / Double(p.count)
        return y
    }

    /// Binary cross-entropy `(1/n) Σ −(Tᵢ ln Pᵢ + (1 − Tᵢ) ln(1 − Pᵢ))`,
    /// 1 × 1, each log clamped at −100 (PyTorch's `BCELoss`), for P in [0, 1].
    /// Backward: `dP += dY · (P − T) / max(P(1 − P), 10⁻¹²) / n`,
    /// `dT += dY · (ln(1 − P) − ln P) / n` (clamped logs).
    @inlinable
    public mutating func binaryCrossEntropy(_ probability: Tensor, _ target: Tensor) -> Tensor {
        let p = entry(probability), t = entry(target)
        precondition(p.shape == t.shape, "BCE needs a target of the probability's shape \(p.shape), got \(t.shape)")
        let y = record(.binaryCrossEntropy, shape: .scalar, parents: (probability, target, nil))
        let base = arena.values
        var total = 0.0
        for i in 0..<p.count {
            let (logP, logQ) = Self.clampedLogs(base[p.offset + i])
            let target = base[t.offset + i]
            total -= target * logP + (1 - target) * logQ
        }
        base[outputOffset(y)] = total / Double(p.count)
        return y
    }

    /// Binary cross-entropy of `σ(Z)` computed from the logits Z, 1 × 1, in
    /// the form that never takes the log of 0 (PyTorch's `BCEWithLogitsLoss`):
    ///
    ///     L = (1/n) Σ softplus(Zᵢ) − Tᵢ·Zᵢ,   softplus(z) = max(z, 0) + ln(1 + e^−|z|)
    ///
    /// Backward: `dZ += dY · (σ(Z) − T) / n`, `dT −= dY · Z / n`.
    @inlinable
    public mutating func binaryCrossEntropy(logits: Tensor, _ target: Tensor) -> Tensor {
        let z = entry(logits), t = entry(target)
        precondition(z.shape == t.shape, "BCE needs a target of the logits' shape \(z.shape), got \(t.shape)")
        let y = record(.binaryCrossEntropyWithLogits, shape: .scalar, parents: (logits, target, nil))
        let base = arena.values
        base[outputOffset(y)] = MatrixKernels.crossEntropySum(logits: base + z.offset, targets: base + t.offset,
                                                              count: z.count) / Double(z.count)
        return y
    }

    /// `(max(ln p, −100), max(ln(1 − p), −100))`, as PyTorch clamps them.
    @inlinable
    static func clampedLogs(_ p: Double) -> (Double, Double) {
        (Swift.max(Glibc.log(p), -100), Swift.max(Glibc.log(1 - p), -100))
    }

    /// The mean squared error of a line over data held outside the tape,
    /// fused into one pass that also yields its local partials:
    ///
    ///     L = (1/N) Σᵢ (w·xᵢ + b − yᵢ)²
    ///     ∂L/∂w = (2/N) Σᵢ rᵢ·xᵢ,   ∂L/∂b = (2/N) Σᵢ rᵢ,   rᵢ = w·xᵢ + b − yᵢ
    ///
    /// `slope` and `intercept` are 1 × 1 tensors; the data are constants, not
    /// nodes (as constants are not nodes on the scalar tape). This is a fused
    /// primitive like PyTorch's `mse_loss`: its partials are its local
    /// derivatives, and back-propagation multiplies them by the adjoint.
    /// Backward: `dw += dL · ∂L/∂w`, `db += dL · ∂L/∂b`.
    ///
    /// - Complexity: O(N), one pass, eight lanes of independent partial sums.
    @inlinable
    public mutating func lineMeanSquaredError(slope: Tensor, intercept: Tensor, inputs: [Double], targets: [Double]) -> Tensor {
        precondition(entry(slope).count == 1 && entry(intercept).count == 1, "the slope and intercept are 1×1 tensors")
        precondition(inputs.count == targets.count && !inputs.isEmpty, "one target per input, at least one sample")
        let y = record(.lineMeanSquaredError, shape: .scalar, parents: (slope, intercept, nil), auxiliaryCount: 2)
        let stored = arena.entries[Int(y.index)]
        let w = arena.values[entry(slope).offset], b = arena.values[entry(intercept).offset]
        let (loss, slopePartial, interceptPartial) = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                MatrixKernels.lineSquaredError(slope: w, intercept: b, inputs: x, targets: t)
            }
        }
        arena.values[stored.offset] = loss
        arena.auxiliary[stored.auxiliaryOffset] = slopePartial
        arena.auxiliary[stored.auxiliaryOffset + 1] = interceptPartial
        return y
    }
}

extension TensorTape {
    /// The fused line loss at weights given by value: records `w` and `b`
    /// as 1 × 1 variables and the loss on them, the same three entries as
    /// `variable(w)`, `variable(b)` and `lineMeanSquaredError(slope:intercept:…)`,
    /// with one room check for all three (a training step's bookkeeping is
    /// as long as its arithmetic here).
    ///
    /// - Complexity: O(N), one pass over the data.
    @inlinable
    public mutating func lineMeanSquaredError(slope w: Double, intercept b: Double, inputs: [Double], targets: [Double])
        -> (loss: Tensor, slope: Tensor, intercept: Tensor) {
        precondition(inputs.count == targets.count && !inputs.isEmpty, "one target per input, at least one sample")
        reserve(entries: 3, values: 3, auxiliary: 2)
        let slope = append(.variable, shape: .scalar), intercept = append(.variable, shape: .scalar)
        let loss = append(.lineMeanSquaredError, shape: .scalar, parents: (slope, intercept, nil), auxiliaryCount: 2)
        let stored = arena.entries[Int(loss.index)]
        let (value, slopePartial, interceptPartial) = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                MatrixKernels.lineSquaredError(slope: w, intercept: b, inputs: x, targets: t)
            }
        }
        let values = arena.values
        values[arena.entries[Int(slope.index)].offset] = w
        values[arena.entries[Int(intercept.index)].offset] = b
        values[stored.offset] = value
        arena.auxiliary[stored.auxiliaryOffset] = slopePartial
        arena.auxiliary[stored.auxiliaryOffset + 1] = interceptPartial
        return (loss, slope, intercept)
    }
}

extension TensorTape {
    /// Where `tensor`'s values start (a tensor just recorded, usually).
    @inlinable @inline(__always)
    func outputOffset(_ tensor: Tensor) -> Int { arena.entries[Int(tensor.index)].offset }
}

extension MatrixKernels {
    /// `(L, ∂L/∂w, ∂L/∂b)` of `L = (1/N) Σ (w·xᵢ + b − yᵢ)²` in one pass,
    /// eight vectors of independent partial sums per quantity (short
    /// dependent chains: a training step waits for this result).
    @inlinable
    static func lineSquaredError(
        slope w: Double, intercept b: Double, inputs x: UnsafeBufferPointer<Double>, targets y: UnsafeBufferPointer<Double>
    ) -> (Double, Double, Double) {
        let n = x.count
        guard let xs = x.baseAddress, let ys = y.baseAddress else { return (.nan, .nan, .nan) }
        let wv = Vector(repeating: w), bv = Vector(repeating: b)
        var loss = (Vector(), Vector(), Vector(), Vector(), Vector(), Vector(), Vector(), Vector())
        var slope = loss, intercept = loss
        @inline(__always) func accumulate(_ i: Int, _ l: inout Vector, _ s: inout Vector, _ c: inout Vector) {
            let xi = load(xs + i)
            let r = bv.plusProduct(wv, xi) - load(ys + i)
            l = l.plusProduct(r, r)
            s = s.plusProduct(r, xi)
            c += r
        }
        var i = 0
        while i + 64 <= n {
            accumulate(i, &loss.0, &slope.0, &intercept.0)
            accumulate(i + 8, &loss.1, &slope.1, &intercept.1)
            accumulate(i + 16, &loss.2, &slope.2, &intercept.2)
            accumulate(i + 24, &loss.3, &slope.3, &intercept.3)
            accumulate(i + 32, &loss.4, &slope.4, &intercept.4)
            accumulate(i + 40, &loss.5, &slope.5, &intercept.5)
            accumulate(i + 48, &loss.6, &slope.6, &intercept.6)
            accumulate(i + 56, &loss.7, &slope.7, &intercept.7)
            i += 64
        }
        while i + 8 <= n {
            accumulate(i, &loss.0, &slope.0, &intercept.0)
            i += 8
        }
        @inline(__always) func total(_ v: (Vector, Vector, Vector, Vector, Vector, Vector, Vector, Vector)) -> Double {
            horizontalSum(((v.0 + v.1) + (v.2 + v.3)) + ((v.4 + v.5) + (v.6 + v.7)))
        }
        var totalLoss = total(loss), totalSlope = total(slope), totalIntercept = total(intercept)
        while i < n {
            let r = b.plusProduct(w, xs[i]) - ys[i]
            totalLoss = totalLoss.plusProduct(r, r)
            totalSlope = totalSlope.plusProduct(r, xs[i])
            totalIntercept += r
            i += 1
        }
        // Dividing by a power of two is multiplying by its exact reciprocal
        // (the same bits, without a division's latency).
        let count = Double(n)
        if n & (n - 1) == 0 {
            let inverse = 1 / count
            return (totalLoss * inverse, 2 * totalSlope * inverse, 2 * totalIntercept * inverse)
        }
        return (totalLoss / count, 2 * totalSlope / count, 2 * totalIntercept / count)
    }

    /// `Σ (p[i] − t[i])²` with two vector accumulators, in a fixed order.
    @inlinable
    static func squaredDistance(_ p: UnsafePointer<Double>, _ t: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = Vector(), s1 = Vector()
        var i = 0
        while i + 16 <= count {
            let r0 = load(p + i) - load(t + i), r1 = load(p + i + 8) - load(t + i + 8)
            s0 = s0.plusProduct(r0, r0)
            s1 = s1.plusProduct(r1, r1)
            i += 16
        }
        while i + 8 <= count {
            let r = load(p + i) - load(t + i)
            s0 = s0.plusProduct(r, r)
            i += 8
        }
        var total = horizontalSum(s0 + s1)
        while i < count {
            let r = p[i] - t[i]
            total = total.plusProduct(r, r)
            i += 1
        }
        return total
    }

    /// `Σ softplus(zᵢ) − tᵢ·zᵢ` (`FastMath.softplus`), eight lanes at a time,
    /// the tail in a padded vector whose extra lanes are dropped.
    @inlinable
    static func crossEntropySum(logits z: UnsafePointer<Double>, targets t: UnsafePointer<Double>, count: Int) -> Double {
        var sum = Vector()
        var i = 0
        while i + 8 <= count {
            let logit = load(z + i)
            sum += FastMath.softplus(logit) - load(t + i) * logit
            i += 8
        }
        var total = horizontalSum(sum)
        if i < count {
            let logit = FastMath.loadPartial(z + i, count: count - i)
            let terms = FastMath.softplus(logit) - FastMath.loadPartial(t + i, count: count - i) * logit
            for lane in 0..<(count - i) { total += terms[lane] }
        }
        return total
    }
}
