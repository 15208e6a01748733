// Why a helper: Swift never contracts `a * b + c` into a fused multiply-add
// on its own, and `addingProduct` always fuses, which on a CPU without FMA
// (baseline x86-64) is a libm call per lane. Package.swift defines
// DESCENT_FMA when the core is compiled for a level with FMA (x86-64-v3 and
// up), so the kernels get one instruction there and two plain operations
// elsewhere. Results differ between the two builds in the last bits only;
// within one build they are deterministic.

extension SIMD8 where Scalar == Double {
    /// `self + a·b`: fused (one rounding) when the core is compiled with FMA,
    /// else a product and a sum (two roundings).
    @inlinable @inline(__always)
    public func plusProduct(_ a: Self, _ b: Self) -> Self {
        #if DESCENT_FMA
        addingProduct(a, b)
        #else
        self + a * b
        #endif
    }

    /// `self + a·b` for a scalar `a` broadcast to every lane (see `plusProduct(_:_:)`).
    @inlinable @inline(__always)
    public func plusProduct(_ a: Double, _ b: Self) -> Self {
        plusProduct(Self(repeating: a), b)
    }
}

extension Double {
    /// `self + a·b`: fused when the core is compiled with FMA, as the vector
    /// kernels' lanes are, so a tail element gets the lanes' arithmetic.
    @inlinable @inline(__always)
    public func plusProduct(_ a: Double, _ b: Double) -> Double {
        #if DESCENT_FMA
        addingProduct(a, b)
        #else
        self + a * b
        #endif
    }
}
