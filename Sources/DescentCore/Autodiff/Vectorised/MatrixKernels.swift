// The inner loops of the vectorised engine, on raw row-major storage.
//
// Kernels use SIMD8<Double> (one AVX-512 register where the core is compiled
// for x86-64-v4, two AVX2 or four SSE2 registers elsewhere) and keep several
// independent accumulators in registers: a block of rows times one or two
// vectors of columns, so a product's dependent chains interleave instead of
// waiting on each other. The compiler never reassociates, so the summation
// order is the one written here: every element of a product is
// `initial + Σₚ a[i][p]·b[p][j]` with p in increasing order (the scalar
// forward pass's order), and every reduction over rows adds the rows in
// order. Multiply-adds are `plusProduct` (fused where the core has FMA).

/// Matrix and vector loops over unsafe pointers. Internal to the engine.
@usableFromInline
enum MatrixKernels {
    @usableFromInline typealias Vector = SIMD8<Double>

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> Vector { FastMath.load(pointer) }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Double>) -> Vector { FastMath.load(pointer) }

    @inlinable @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Double>) { FastMath.store(value, pointer) }

    /// The lanes of `v` summed in a fixed order: `((v0+v1)+(v2+v3)) + ((v4+v5)+(v6+v7))`.
    @inlinable @inline(__always)
    static func horizontalSum(_ v: Vector) -> Double {
        let half = v.lowHalf + v.highHalf
        return (half[0] + half[1]) + (half[2] + half[3])
    }

    /// `C (+)= A·B` for A `m×k`, B `k×n`, C `m×n`, all row-major. C starts
    /// from `initialRow` (a row broadcast to every row of C, or zero when
    /// nil) unless `accumulate`, when it adds to C's contents. Each element is
    /// `start + Σₚ A[i][p]·B[p][j]`, p in order.
    ///
    /// - Complexity: O(m·k·n); four rows by sixteen columns per block.
    @inlinable
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int, initialRow: UnsafePointer<Double>? = nil, accumulate: Bool = false
    ) {
        @inline(__always) func start(_ row: Int, _ column: Int) -> Vector {
            if accumulate { return load(c + row * n + column) }
            if let initialRow { return load(initialRow + column) }
            return Vector()
        }
        var j = 0
        // Sixteen columns (two vectors) at a time.
        while j + 16 <= n {
            var i = 0
            while i + 4 <= m {
                var c00 = start(i, j), c01 = start(i, j + 8)
                var c10 = start(i + 1, j), c11 = start(i + 1, j + 8)
                var c20 = start(i + 2, j), c21 = start(i + 2, j + 8)
                var c30 = start(i + 3, j), c31 = start(i + 3, j + 8)
                let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
                for p in 0..<k {
                    let b0 = load(b + p * n + j), b1 = load(b + p * n + j + 8)
                    c00 = c00.plusProduct(a0[p], b0); c01 = c01.plusProduct(a0[p], b1)
                    c10 = c10.plusProduct(a1[p], b0); c11 = c11.plusProduct(a1[p], b1)
                    c20 = c20.plusProduct(a2[p], b0); c21 = c21.plusProduct(a2[p], b1)
                    c30 = c30.plusProduct(a3[p], b0); c31 = c31.plusProduct(a3[p], b1)
                }
                let row = c + i * n + j
                store(c00, row); store(c01, row + 8)
                store(c10, row + n); store(c11, row + n + 8)
                store(c20, row + 2 * n); store(c21, row + 2 * n + 8)
                store(c30, row + 3 * n); store(c31, row + 3 * n + 8)
                i += 4
            }
            while i < m {
                var c0 = start(i, j), c1 = start(i, j + 8)
                let a0 = a + i * k
                for p in 0..<k {
                    c0 = c0.plusProduct(a0[p], load(b + p * n + j))
                    c1 = c1.plusProduct(a0[p], load(b + p * n + j + 8))
                }
                store(c0, c + i * n + j); store(c1, c + i * n + j + 8)
                i += 1
            }
            j += 16
        }
        // Eight columns at a time.
        while j + 8 <= n {
            var i = 0
            while i + 4 <= m {
                var c0 = start(i, j), c1 = start(i + 1, j), c2 = start(i + 2, j), c3 = start(i + 3, j)
                let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
                for p in 0..<k {
                    let bp = load(b + p * n + j)
                    c0 = c0.plusProduct(a0[p], bp); c1 = c1.plusProduct(a1[p], bp)
                    c2 = c2.plusProduct(a2[p], bp); c3 = c3.plusProduct(a3[p], bp)
                }
                store(c0, c + i * n + j); store(c1, c + (i + 1) * n + j)
                store(c2, c + (i + 2) * n + j); store(c3, c + (i + 3) * n + j)
                i += 4
            }
            while i < m {
                var c0 = start(i, j)
                for p in 0..<k { c0 = c0.plusProduct(a[i * k + p], load(b + p * n + j)) }
                store(c0, c + i * n + j)
                i += 1
            }
            j += 8
        }
        if j == n { return }
        if n == 1 {
            // A matrix–vector product: one dot product per row.
            for i in 0..<m {
                let initial = accumulate ? c[i] : (initialRow?[0] ?? 0)
                c[i] = initial + dot(a + i * k, b, count: k)
            }
            return
        }
        // The last columns (fewer than eight), one element at a time.
        for i in 0..<m {
            for column in j..<n {
                var sum = accumulate ? c[i * n + column] : (initialRow?[column] ?? 0)
                for p in 0..<k { sum = sum.plusProduct(a[i * k + p], b[p * n + column]) }
                c[i * n + column] = sum
            }
        }
    }

    /// `C (+)= Aᵀ·B` for A `m×k`, B `m×n`, C `k×n`, without forming Aᵀ: a
    /// weight's gradient `Xᵀ·dY`. Each element is `start + Σᵢ A[i][p]·B[i][j]`,
    /// i in order (as `multiply` on a transposed copy would sum).
    ///
    /// - Complexity: O(m·k·n); four rows of C by sixteen columns per block.
    @inlinable
    static func multiplyTransposingFirst(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int, accumulate: Bool
    ) {
        @inline(__always) func start(_ row: Int, _ column: Int) -> Vector {
            accumulate ? load(c + row * n + column) : Vector()
        }
        var j = 0
        while j + 16 <= n {
            var p = 0
            while p + 4 <= k {
                var c00 = start(p, j), c01 = start(p, j + 8)
                var c10 = start(p + 1, j), c11 = start(p + 1, j + 8)
                var c20 = start(p + 2, j), c21 = start(p + 2, j + 8)
                var c30 = start(p + 3, j), c31 = start(p + 3, j + 8)
                for i in 0..<m {
                    let b0 = load(b + i * n + j), b1 = load(b + i * n + j + 8)
                    let ai = a + i * k + p
                    c00 = c00.plusProduct(ai[0], b0); c01 = c01.plusProduct(ai[0], b1)
                    c10 = c10.plusProduct(ai[1], b0); c11 = c11.plusProduct(ai[1], b1)
                    c20 = c20.plusProduct(ai[2], b0); c21 = c21.plusProduct(ai[2], b1)
                    c30 = c30.plusProduct(ai[3], b0); c31 = c31.plusProduct(ai[3], b1)
                }
                let row = c + p * n + j
                store(c00, row); store(c01, row + 8)
                store(c10, row + n); store(c11, row + n + 8)
                store(c20, row + 2 * n); store(c21, row + 2 * n + 8)
                store(c30, row + 3 * n); store(c31, row + 3 * n + 8)
                p += 4
            }
            while p < k {
                var c0 = start(p, j), c1 = start(p, j + 8)
                for i in 0..<m {
                    c0 = c0.plusProduct(a[i * k + p], load(b + i * n + j))
                    c1 = c1.plusProduct(a[i * k + p], load(b + i * n + j + 8))
                }
                store(c0, c + p * n + j); store(c1, c + p * n + j + 8)
                p += 1
            }
            j += 16
        }
        while j + 8 <= n {
            var p = 0
            while p + 4 <= k {
                var c0 = start(p, j), c1 = start(p + 1, j), c2 = start(p + 2, j), c3 = start(p + 3, j)
                for i in 0..<m {
                    let bi = load(b + i * n + j)
                    let ai = a + i * k + p
                    c0 = c0.plusProduct(ai[0], bi); c1 = c1.plusProduct(ai[1], bi)
                    c2 = c2.plusProduct(ai[2], bi); c3 = c3.plusProduct(ai[3], bi)
                }
                store(c0, c + p * n + j); store(c1, c + (p + 1) * n + j)
                store(c2, c + (p + 2) * n + j); store(c3, c + (p + 3) * n + j)
                p += 4
            }
            while p < k {
                var c0 = start(p, j)
                for i in 0..<m { c0 = c0.plusProduct(a[i * k + p], load(b + i * n + j)) }
                store(c0, c + p * n + j)
                p += 1
            }
            j += 8
        }
        // The last columns (fewer than eight; one for an output layer's
        // weights): one column at a time, eight rows of C per vector, since
        // A's row i holds A[i][p…p+7] side by side.
        for column in j..<n {
            var p = 0
            while p + 8 <= k {
                var sum = Vector()
                if accumulate { for lane in 0..<8 { sum[lane] = c[(p + lane) * n + column] } }
                for i in 0..<m { sum = sum.plusProduct(b[i * n + column], load(a + i * k + p)) }
                for lane in 0..<8 { c[(p + lane) * n + column] = sum[lane] }
                p += 8
            }
            while p < k {
                var sum = accumulate ? c[p * n + column] : 0
                for i in 0..<m { sum = sum.plusProduct(a[i * k + p], b[i * n + column]) }
                c[p * n + column] = sum
                p += 1
            }
        }
    }

    /// `Σ x[i]·y[i]` with four vector accumulators, summed in a fixed order.
    @inlinable
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
        var i = 0
        while i + 32 <= count {
            s0 = s0.plusProduct(load(x + i), load(y + i))
            s1 = s1.plusProduct(load(x + i + 8), load(y + i + 8))
            s2 = s2.plusProduct(load(x + i + 16), load(y + i + 16))
            s3 = s3.plusProduct(load(x + i + 24), load(y + i + 24))
            i += 32
        }
        while i + 8 <= count {
            s0 = s0.plusProduct(load(x + i), load(y + i))
            i += 8
        }
        var total = horizontalSum((s0 + s1) + (s2 + s3))
        while i < count {
            total = total.plusProduct(x[i], y[i])
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

    /// `sums[j] += Σᵢ x[i, j]`, rows in order: column sums of an `m × n`
    /// matrix (a bias's gradient).
    @inlinable
    static func addColumnSums(of x: UnsafePointer<Double>, into sums: UnsafeMutablePointer<Double>, m: Int, n: Int) {
        var j = 0
        while j + 16 <= n {
            var s0 = load(sums + j), s1 = load(sums + j + 8)
            for i in 0..<m {
                s0 += load(x + i * n + j)
                s1 += load(x + i * n + j + 8)
            }
            store(s0, sums + j); store(s1, sums + j + 8)
            j += 16
        }
        while j + 8 <= n {
            var s0 = load(sums + j)
            for i in 0..<m { s0 += load(x + i * n + j) }
            store(s0, sums + j)
            j += 8
        }
        while j < n {
            var s = sums[j]
            for i in 0..<m { s += x[i * n + j] }
            sums[j] = s
            j += 1
        }
    }

    /// `y[i] += x[i]`.
    @inlinable
    static func add(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(y + i) + load(x + i), y + i)
            i += 8
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
        while i + 8 <= count {
            store(load(y + i).plusProduct(a, load(x + i)), y + i)
            i += 8
        }
        while i < count {
            y[i] = y[i].plusProduct(a, x[i])
            i += 1
        }
    }

    /// `Σ x[i]` with two vector accumulators, in a fixed order.
    @inlinable
    static func sum(_ x: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = Vector(), s1 = Vector()
        var i = 0
        while i + 16 <= count {
            s0 += load(x + i)
            s1 += load(x + i + 8)
            i += 16
        }
        while i + 8 <= count {
            s0 += load(x + i)
            i += 8
        }
        var total = horizontalSum(s0 + s1)
        while i < count {
            total += x[i]
            i += 1
        }
        return total
    }
}
