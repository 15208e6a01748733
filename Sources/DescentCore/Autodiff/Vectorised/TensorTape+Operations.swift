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
        scratchNeeded = Swift.max(scratchNeeded, left.count, right.count)
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            MatrixKernels.multiply(base + left.offset, base + right.offset, into: base + out, m: m, k: k, n: n)
        }
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
        scratchNeeded = Swift.max(scratchNeeded, input.count, matrix.count)
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            MatrixKernels.multiply(base + input.offset, base + matrix.offset, into: base + out,
                                   m: m, k: k, n: n, initialRow: base + row.offset)
        }
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
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            let x = base + left.offset, z = base + out, c = base + right.offset
            let columns = Int(left.columns)
            for i in 0..<left.count {
                z[i] = x[i] + (isSame ? c[i] : (right.count == 1 ? c[0] : c[i % columns]))
            }
        }
        return y
    }

    /// Element-wise `A − B` (same shapes).  Backward: `dA += dY`, `dB −= dY`.
    @inlinable
    public mutating func subtract(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        precondition(left.shape == right.shape, "A − B needs equal shapes, got \(left.shape) and \(right.shape)")
        let y = record(.subtract, shape: left.shape, parents: (a, b, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            for i in 0..<left.count { base[out + i] = base[left.offset + i] - base[right.offset + i] }
        }
        return y
    }

    /// Element-wise `A ⊙ B` (same shapes).  Backward: `dA += dY ⊙ B`, `dB += dY ⊙ A`.
    @inlinable
    public mutating func multiply(_ a: Tensor, _ b: Tensor) -> Tensor {
        let left = entry(a), right = entry(b)
        precondition(left.shape == right.shape, "A ⊙ B needs equal shapes, got \(left.shape) and \(right.shape)")
        let y = record(.multiply, shape: left.shape, parents: (a, b, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            for i in 0..<left.count { base[out + i] = base[left.offset + i] * base[right.offset + i] }
        }
        return y
    }

    /// `A · c` for a constant c.  Backward: `dA += c · dY`.
    @inlinable
    public mutating func scale(_ a: Tensor, by c: Double) -> Tensor {
        let input = entry(a)
        let y = record(.scale, shape: input.shape, parents: (a, nil, nil), constant: c)
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            for i in 0..<input.count { base[out + i] = base[input.offset + i] * c }
        }
        return y
    }

    /// Element-wise `tanh` (FastMath, ≤ 3 ulp).  Backward: `dA += dY ⊙ (1 − Y²)`.
    @inlinable
    public mutating func tanh(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.tanh, shape: input.shape, parents: (a, nil, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            (base + out).update(from: base + input.offset, count: input.count)
            FastMath.tanh(UnsafeMutableBufferPointer(start: base + out, count: input.count))
        }
        return y
    }

    /// Element-wise `σ(a) = 1 / (1 + e⁻ᵃ)` (FastMath exp).
    /// Backward: `dA += dY ⊙ Y ⊙ (1 − Y)`.
    @inlinable
    public mutating func sigmoid(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.sigmoid, shape: input.shape, parents: (a, nil, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            let output = UnsafeMutableBufferPointer(start: base + out, count: input.count)
            for i in 0..<input.count { output[i] = -base[input.offset + i] }
            FastMath.exp(output)
            for i in 0..<input.count { output[i] = 1 / (1 + output[i]) }
        }
        return y
    }

    /// Element-wise `max(a, 0)`.  Backward: `dA += dY` where Y > 0.
    @inlinable
    public mutating func relu(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.relu, shape: input.shape, parents: (a, nil, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            for i in 0..<input.count {
                let x = base[input.offset + i]
                base[out + i] = x > 0 ? x : 0
            }
        }
        return y
    }

    /// `Σ A`, 1 × 1.  Backward: `dA += dY` in every element.
    @inlinable
    public mutating func sum(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.sum, shape: .scalar, parents: (a, nil, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in base[out] = MatrixKernels.sum(base + input.offset, count: input.count) }
        return y
    }

    /// `mean(A)`, 1 × 1.  Backward: `dA += dY / n` in every element.
    @inlinable
    public mutating func mean(_ a: Tensor) -> Tensor {
        let input = entry(a)
        let y = record(.mean, shape: .scalar, parents: (a, nil, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            base[out] = MatrixKernels.sum(base + input.offset, count: input.count) / Double(input.count)
        }
        return y
    }

    /// Mean squared error `(1/n) Σ (Pᵢ − Tᵢ)²`, 1 × 1.
    /// Backward: `dP += dY · 2(P − T)/n`, `dT −= dY · 2(P − T)/n`.
    @inlinable
    public mutating func meanSquaredError(_ prediction: Tensor, _ target: Tensor) -> Tensor {
        let p = entry(prediction), t = entry(target)
        precondition(p.shape == t.shape, "MSE needs a target of the prediction's shape \(p.shape), got \(t.shape)")
        let y = record(.meanSquaredError, shape: .scalar, parents: (prediction, target, nil))
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            var total = 0.0
            for i in 0..<p.count {
                let residual = base[p.offset + i] - base[t.offset + i]
                total += residual * residual
            }
            base[out] = total / Double(p.count)
        }
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
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            var total = 0.0
            for i in 0..<p.count {
                let (logP, logQ) = Self.clampedLogs(base[p.offset + i])
                let target = base[t.offset + i]
                total -= target * logP + (1 - target) * logQ
            }
            base[out] = total / Double(p.count)
        }
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
        let out = entries[Int(y.index)].offset
        withValueStorage { base in
            var total = 0.0
            for i in 0..<z.count {
                let logit = base[z.offset + i]
                let softplus = Swift.max(logit, 0) + Glibc.log1p(Glibc.exp(-Swift.abs(logit)))
                total += softplus - base[t.offset + i] * logit
            }
            base[out] = total / Double(z.count)
        }
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
        let stored = entries[Int(y.index)]
        let w = values[entry(slope).offset], b = values[entry(intercept).offset]
        let (loss, slopePartial, interceptPartial) = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                MatrixKernels.lineSquaredError(slope: w, intercept: b, inputs: x, targets: t)
            }
        }
        values[stored.offset] = loss
        auxiliary[stored.auxiliaryOffset] = slopePartial
        auxiliary[stored.auxiliaryOffset + 1] = interceptPartial
        return y
    }
}

extension MatrixKernels {
    /// `(L, ∂L/∂w, ∂L/∂b)` of `L = (1/N) Σ (w·xᵢ + b − yᵢ)²` in one pass.
    @inlinable
    static func lineSquaredError(
        slope w: Double, intercept b: Double, inputs x: UnsafeBufferPointer<Double>, targets y: UnsafeBufferPointer<Double>
    ) -> (Double, Double, Double) {
        let n = x.count
        guard let xs = x.baseAddress, let ys = y.baseAddress else { return (.nan, .nan, .nan) }
        let wv = Vector(repeating: w), bv = Vector(repeating: b)
        var loss0 = Vector(), loss1 = Vector(), gw0 = Vector(), gw1 = Vector(), gb0 = Vector(), gb1 = Vector()
        var i = 0
        while i + 8 <= n {
            let x0 = load(xs + i), x1 = load(xs + i + 4)
            let r0 = wv * x0 + bv - load(ys + i)
            let r1 = wv * x1 + bv - load(ys + i + 4)
            loss0 += r0 * r0; loss1 += r1 * r1
            gw0 += r0 * x0; gw1 += r1 * x1
            gb0 += r0; gb1 += r1
            i += 8
        }
        let l = loss0 + loss1, gw = gw0 + gw1, gb = gb0 + gb1
        var loss = (l[0] + l[1]) + (l[2] + l[3])
        var sumW = (gw[0] + gw[1]) + (gw[2] + gw[3])
        var sumB = (gb[0] + gb[1]) + (gb[2] + gb[3])
        while i < n {
            let r = w * xs[i] + b - ys[i]
            loss += r * r
            sumW += r * xs[i]
            sumB += r
            i += 1
        }
        let count = Double(n)
        return (loss / count, 2 * sumW / count, 2 * sumB / count)
    }
}
