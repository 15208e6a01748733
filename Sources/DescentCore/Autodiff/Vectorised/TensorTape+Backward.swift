extension TensorTape {
    /// Back-propagation: d(Σ output)/d(tensor) for every tensor recorded
    /// before `output` (for a 1 × 1 loss, the gradient of the loss).
    ///
    /// One reverse sweep; each entry adds its vector–Jacobian product into
    /// its parents' adjoints (accumulating, so a tensor used twice receives
    /// both contributions). Entries no variable reaches are skipped, and so
    /// are contributions to data.
    ///
    /// - Complexity: O(the forward pass's work); no allocation once the
    ///   tape's storage has grown to the graph's size.
    public mutating func backward(from output: Tensor) {
        let last = Int(output.index)
        precondition(last >= 0 && last < count, "backward(from:) needs a tensor recorded on this tape")
        reserveScratch(scratchNeeded)
        let arena = self.arena
        let entries = UnsafePointer(arena.entries), values = arena.values, adjoints = arena.adjoints
        // Zero only what a gradient reaches; data keep no adjoint (withAdjoint
        // reports zeros). One store, not a memset call, for the many
        // one-element tensors (a loop would be turned into memset).
        for index in 0...last where entries[index].needsGradient {
            let start = adjoints + entries[index].offset, count = entries[index].count
            if count == 1 {
                start.pointee = 0
            } else {
                start.update(repeating: 0, count: count)
            }
        }
        let seed = entries[last]
        if seed.count == 1 {
            adjoints[seed.offset] = 1
        } else {
            (adjoints + seed.offset).update(repeating: 1, count: seed.count)
        }
        // Leaves (variables) have nothing to pass on.
        for index in stride(from: last, through: 0, by: -1)
        where entries[index].needsGradient && entries[index].operation != .variable {
            Self.propagate(entries[index], entries: entries, values: values, adjoints: adjoints,
                           scratch: arena.scratch, auxiliary: arena.auxiliary)
        }
        lastOutputStorage = output
    }

    /// The vector–Jacobian product of one entry (the backward rules quoted
    /// beside each forward rule in TensorTape+Operations.swift). Inlined into
    /// the sweep, its only caller: a call per entry costs more than a small
    /// entry's work.
    @inlinable @inline(__always)
    static func propagate(
        _ entry: TensorEntry, entries: UnsafePointer<TensorEntry>,
        values: UnsafeMutablePointer<Double>, adjoints: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>, auxiliary: UnsafePointer<Double>
    ) {
        let dY = adjoints + entry.offset, y = values + entry.offset
        let count = entry.count
        func parent(_ index: Int32) -> TensorEntry? {
            guard index >= 0 else { return nil }
            let parent = entries[Int(index)]
            return parent.needsGradient ? parent : nil
        }
        switch entry.operation {
        case .variable, .constant:
            return
        case .matrixProduct, .affine:
            let a = entries[Int(entry.first)], b = entries[Int(entry.second)]
            let (m, k, n) = (Int(a.rows), Int(a.columns), Int(b.columns))
            if a.needsGradient {
                // dA += dY·Bᵀ (B, k × n, transposed into scratch)
                MatrixKernels.transpose(values + b.offset, into: scratch, rows: k, columns: n)
                MatrixKernels.multiply(dY, scratch, into: adjoints + a.offset, m: m, k: n, n: k, accumulate: true)
            }
            if b.needsGradient {
                // dB += Aᵀ·dY
                MatrixKernels.multiplyTransposingFirst(values + a.offset, dY, into: adjoints + b.offset,
                                                       m: m, k: k, n: n, accumulate: true)
            }
            if entry.operation == .affine, let bias = parent(entry.third) {
                // db += Σ_rows dY
                MatrixKernels.addColumnSums(of: dY, into: adjoints + bias.offset, m: m, n: n)
            }
        case .add:
            if let a = parent(entry.first) { MatrixKernels.add(dY, into: adjoints + a.offset, count: count) }
            if let b = parent(entry.second) {
                if b.count == count {
                    MatrixKernels.add(dY, into: adjoints + b.offset, count: count)
                } else if b.count == 1 {
                    adjoints[b.offset] += MatrixKernels.sum(dY, count: count)
                } else {
                    MatrixKernels.addColumnSums(of: dY, into: adjoints + b.offset, m: Int(entry.rows), n: Int(entry.columns))
                }
            }
        case .subtract:
            if let a = parent(entry.first) { MatrixKernels.add(dY, into: adjoints + a.offset, count: count) }
            if let b = parent(entry.second) { MatrixKernels.add(-1, times: dY, into: adjoints + b.offset, count: count) }
        case .multiply:
            let a = entries[Int(entry.first)], b = entries[Int(entry.second)]
            if a.needsGradient { for i in 0..<count { adjoints[a.offset + i] += dY[i] * values[b.offset + i] } }
            if b.needsGradient { for i in 0..<count { adjoints[b.offset + i] += dY[i] * values[a.offset + i] } }
        case .scale:
            if let a = parent(entry.first) { MatrixKernels.add(entry.constant, times: dY, into: adjoints + a.offset, count: count) }
        case .tanh:
            if let a = parent(entry.first) {
                let dA = adjoints + a.offset
                var i = 0
                while i + 8 <= count {
                    let t = MatrixKernels.load(y + i)
                    MatrixKernels.store(MatrixKernels.load(dA + i).plusProduct(MatrixKernels.load(dY + i), 1 - t * t), dA + i)
                    i += 8
                }
                while i < count {
                    dA[i] = dA[i].plusProduct(dY[i], 1 - y[i] * y[i])
                    i += 1
                }
            }
        case .sigmoid:
            if let a = parent(entry.first) { for i in 0..<count { adjoints[a.offset + i] += dY[i] * y[i] * (1 - y[i]) } }
        case .relu:
            if let a = parent(entry.first) { for i in 0..<count where y[i] > 0 { adjoints[a.offset + i] += dY[i] } }
        case .sum, .mean:
            if let a = parent(entry.first) {
                let g = entry.operation == .sum ? dY[0] : dY[0] / Double(a.count)
                for i in 0..<a.count { adjoints[a.offset + i] += g }
            }
        case .meanSquaredError:
            let p = entries[Int(entry.first)], t = entries[Int(entry.second)]
            let factor = 2 * dY[0] / Double(p.count)
            if p.needsGradient {
                MatrixKernels.addScaledDifference(factor, values + p.offset, values + t.offset,
                                                  into: adjoints + p.offset, count: p.count)
            }
            if t.needsGradient {
                MatrixKernels.addScaledDifference(-factor, values + p.offset, values + t.offset,
                                                  into: adjoints + t.offset, count: p.count)
            }
        case .binaryCrossEntropy:
            let p = entries[Int(entry.first)], t = entries[Int(entry.second)]
            let factor = dY[0] / Double(p.count)
            for i in 0..<p.count {
                let probability = values[p.offset + i], target = values[t.offset + i]
                if p.needsGradient {
                    adjoints[p.offset + i] += factor * (probability - target) / Swift.max(probability * (1 - probability), 1e-12)
                }
                if t.needsGradient {
                    let (logP, logQ) = clampedLogs(probability)
                    adjoints[t.offset + i] += factor * (logQ - logP)
                }
            }
        case .binaryCrossEntropyWithLogits:
            let z = entries[Int(entry.first)], t = entries[Int(entry.second)]
            let factor = dY[0] / Double(z.count)
            for i in 0..<z.count {
                let logit = values[z.offset + i]
                if z.needsGradient { adjoints[z.offset + i] += factor * (Sigmoid.value(logit) - values[t.offset + i]) }
                if t.needsGradient { adjoints[t.offset + i] -= factor * logit }
            }
        case .lineMeanSquaredError:
            if let w = parent(entry.first) { adjoints[w.offset] += dY[0] * auxiliary[entry.auxiliaryOffset] }
            if let b = parent(entry.second) { adjoints[b.offset] += dY[0] * auxiliary[entry.auxiliaryOffset + 1] }
        }
    }
}

extension MatrixKernels {
    /// `y[i] += c·(p[i] − t[i])`: the squared error's vector–Jacobian product.
    @inlinable
    static func addScaledDifference(_ c: Double, _ p: UnsafePointer<Double>, _ t: UnsafePointer<Double>,
                                    into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(y + i).plusProduct(c, load(p + i) - load(t + i)), y + i)
            i += 8
        }
        while i < count {
            y[i] = y[i].plusProduct(c, p[i] - t[i])
            i += 1
        }
    }
}
