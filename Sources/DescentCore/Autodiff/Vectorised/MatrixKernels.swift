// The inner loops of the vectorised engine, on raw row-major storage.
// Kernels use SIMD4<Double> with several independent accumulators, so they
// vectorise on any x86-64 (two SSE2 registers per vector on the baseline,
// one AVX register with -target-cpu x86-64-v3) without -ffast-math style
// reassociation by the compiler: the summation order is the one written here.

/// Matrix and vector loops over unsafe pointers. Internal to the engine.
@usableFromInline
enum MatrixKernels {
    @usableFromInline typealias Vector = SIMD4<Double>

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// `C (+)= A·B` for A `m×k`, B `k×n`, C `m×n`; C starts from `initial`
    /// (a row broadcast to every row of C, or zero when nil) unless
    /// `accumulate`, when it adds to C's contents.
    ///
    /// - Complexity: O(m·k·n).
    @inlinable
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int, initialRow: UnsafePointer<Double>? = nil, accumulate: Bool = false
    ) {
        if n == 1 {
            // A matrix–vector product: one dot product per row, SIMD along k.
            for i in 0..<m {
                let start = accumulate ? c[i] : (initialRow?[0] ?? 0)
                c[i] = start + dot(a + i * k, b, count: k)
            }
            return
        }
        for i in 0..<m {
            let rowA = a + i * k, rowC = c + i * n
            var j = 0
            // Eight columns at a time: two vector accumulators stay in
            // registers across the whole k loop.
            while j + 8 <= n {
                var low: Vector, high: Vector
                if accumulate {
                    low = load(rowC + j); high = load(rowC + j + 4)
                } else if let initialRow {
                    low = load(initialRow + j); high = load(initialRow + j + 4)
                } else {
                    low = Vector(); high = Vector()
                }
                var rowB = b + j
                for p in 0..<k {
                    let scalar = rowA[p]
                    low += scalar * load(rowB)
                    high += scalar * load(rowB + 4)
                    rowB += n
                }
                store(low, rowC + j)
                store(high, rowC + j + 4)
                j += 8
            }
            while j + 4 <= n {
                var sum: Vector = accumulate ? load(rowC + j) : (initialRow.map { load($0 + j) } ?? Vector())
                for p in 0..<k { sum += rowA[p] * load(b + p * n + j) }
                store(sum, rowC + j)
                j += 4
            }
            while j < n {
                var sum = accumulate ? rowC[j] : (initialRow?[j] ?? 0)
                for p in 0..<k { sum += rowA[p] * b[p * n + j] }
                rowC[j] = sum
                j += 1
            }
        }
    }

    /// `Σ x[i]·y[i]` with four vector accumulators, summed in a fixed order.
    @inlinable
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = Vector(), s1 = Vector()
        var i = 0
        while i + 8 <= count {
            s0 += load(x + i) * load(y + i)
            s1 += load(x + i + 4) * load(y + i + 4)
            i += 8
        }
        while i + 4 <= count {
            s0 += load(x + i) * load(y + i)
            i += 4
        }
        let s = s0 + s1
        var total = (s[0] + s[1]) + (s[2] + s[3])
        while i < count {
            total += x[i] * y[i]
            i += 1
        }
        return total
    }

    /// `Bᵀ` of a `rows × columns` matrix B into `columns × rows` storage.
    @inlinable
    static func transpose(_ b: UnsafePointer<Double>, into t: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        for r in 0..<rows {
            for c in 0..<columns { t[c * rows + r] = b[r * columns + c] }
        }
    }

    /// `sums[j] += Σᵢ x[i, j]`: column sums of an `m × n` matrix (a bias's gradient).
    @inlinable
    static func addColumnSums(of x: UnsafePointer<Double>, into sums: UnsafeMutablePointer<Double>, m: Int, n: Int) {
        for i in 0..<m { add(x + i * n, into: sums, count: n) }
    }

    /// `y[i] += x[i]`.
    @inlinable
    static func add(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 4 <= count {
            store(load(y + i) + load(x + i), y + i)
            i += 4
        }
        while i < count {
            y[i] += x[i]
            i += 1
        }
    }

    /// `y[i] += a·x[i]`.
    @inlinable
    static func add(_ a: Double, times x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 4 <= count {
            store(load(y + i) + a * load(x + i), y + i)
            i += 4
        }
        while i < count {
            y[i] += a * x[i]
            i += 1
        }
    }

    /// `Σ x[i]` with two vector accumulators, in a fixed order.
    @inlinable
    static func sum(_ x: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = Vector(), s1 = Vector()
        var i = 0
        while i + 8 <= count {
            s0 += load(x + i)
            s1 += load(x + i + 4)
            i += 8
        }
        while i + 4 <= count {
            s0 += load(x + i)
            i += 4
        }
        let s = s0 + s1
        var total = (s[0] + s[1]) + (s[2] + s[3])
        while i < count {
            total += x[i]
            i += 1
        }
        return total
    }
}
