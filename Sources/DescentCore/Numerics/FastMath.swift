// Design: exp, tanh and softplus over SIMD vectors of doubles, in pure Swift,
// for the vectorised engine's activations and the surface sampler. One kernel
// does the work: expm1 on the reduced range |r| ≤ ln2/2 by its Taylor series
// (evaluated by Estrin's scheme),
// after the classic Cody–Waite reduction x = k·ln2 + r (fdlibm's split of
// ln 2, so k·ln2_hi is exact). Every function is branch-free across lanes:
// special cases (NaN, ±∞, saturation, overflow, subnormals) are selected with
// masks, so a vector of mixed inputs costs the same as any other.
//
// The public vector functions (and the helpers that call others) are
// `@_transparent`: the optimizer does not always honour `@inline(__always)`
// in a large caller or two levels deep, and a vector function left out of
// line passes its lanes in SSE pieces and runs at a fraction of the speed.
//
// Eight lanes (SIMD8<Double>): one AVX-512 register where the core is
// compiled for x86-64-v4, two AVX2 or four SSE2 registers elsewhere. The
// polynomial steps are `plusProduct`: fused multiply-adds where the core has
// FMA (one rounding), a product and a sum otherwise; the bounds below hold
// for both, and the tests check them in whichever build runs them.
//
// Error bounds (Tests/DescentCoreTests/FastMathTests.swift checks them over
// the whole range against 64-bit-precision references, glibc's expl, tanhl
// and log1pl; measured worst cases in brackets, both builds):
//   exp:  ≤ 1 ulp of glibc's exp (which is within 0.51 ulp of exact) for
//         normal results [1.01 ulp from exact]: one rounding of
//         1 + expm1(r), whose error is < 0.1 ulp; ≤ 1 ulp of the smallest
//         subnormal below 2^−1022.
//   tanh: ≤ 3 ulp of the exact value [2.6]: expm1(2|x|) to about 1 ulp, then
//         e / (e + 2), two more roundings; worst near |x| = 0.2, where the
//         quotient lands low in its binade. glibc's own tanh errs by up to
//         2.2 ulp, so the two may differ by 5 (an earlier comment here
//         promised 3 of glibc; the denser sweep found 4).
//   softplus: ≤ 3 ulp of the exact value [2.6] (exp, then a log1p of one
//         division and a series in s² whose tail is below 0.03 ulp, then the sum).
// Exact: exp(±0) = 1, exp(−∞) = 0, exp(+∞) = +∞, tanh(±0) = ±0,
// tanh(±∞) = ±1, tanh(x) = x for subnormal x, softplus(−∞) = 0,
// softplus(+∞) = +∞; NaN in, NaN out.

/// Fast, accurate `exp`, `tanh` and `softplus` over `SIMD8<Double>` lanes and
/// over arrays: the activations and losses of the vectorised engine.
///
/// Error bounds over the whole range: `exp` within 1 ulp of glibc's,
/// `tanh` and `softplus` within 3 ulp of the exact value, IEEE special
/// values exact (see the tests).
public enum FastMath {
    public typealias Vector = SIMD8<Double>
    @usableFromInline typealias Bits = SIMD8<UInt64>
    @usableFromInline typealias Integers = SIMD8<Int64>

    // ln 2 = ln2High + ln2Low; ln2High has 21 trailing zero bits, so k·ln2High
    // is exact for |k| < 2^21 (fdlibm).
    @usableFromInline static let ln2High = 6.93147180369123816490e-01
    @usableFromInline static let ln2Low = 1.90821492927058770002e-10
    @usableFromInline static let inverseLn2 = 1.44269504088896338700e+00
    /// 1.5 · 2^52: adding it rounds to an integer held in the low mantissa bits.
    @usableFromInline static let shifter = 6755399441055744.0
    @usableFromInline static let shifterBits: UInt64 = 0x4338_0000_0000_0000
    @usableFromInline static let signMask: UInt64 = 0x8000_0000_0000_0000

    /// `expm1(r)` for |r| ≤ ln2/2 (plus a rounding): `r + r²·Σₙ rⁿ⁻²/n!`,
    /// n = 2 … 13. The truncated tail is below 0.06 ulp of the result. The
    /// sum is evaluated by Estrin's scheme (pairs, then pairs of pairs), so
    /// its longest dependent chain is four multiply-adds, not twelve: the
    /// core overlaps the rest, and a vector of tanh costs about a sixth less.
    @inlinable @inline(__always)
    static func expm1Reduced(_ r: Vector) -> Vector {
        @inline(__always) func c(_ x: Double) -> Vector { Vector(repeating: x) }
        let r2 = r * r, r4 = r2 * r2
        let p01 = c(1.0 / 2).plusProduct(c(1.0 / 6), r)
        let p23 = c(1.0 / 24).plusProduct(c(1.0 / 120), r)
        let p45 = c(1.0 / 720).plusProduct(c(1.0 / 5040), r)
        let p67 = c(1.0 / 40320).plusProduct(c(1.0 / 362880), r)
        let p89 = c(1.0 / 3628800).plusProduct(c(1.0 / 39916800), r)
        let p1011 = c(1.0 / 479001600).plusProduct(c(1.0 / 6227020800), r)
        let q0 = p01.plusProduct(p23, r2), q1 = p45.plusProduct(p67, r2), q2 = p89.plusProduct(p1011, r2)
        let p = q0.plusProduct(q1.plusProduct(q2, r4), r4)
        return r.plusProduct(r2, p)
    }

    /// Rounds `y / ln 2` to the nearest integer k (|y / ln 2| < 2^51) and
    /// returns k as an integer and r = y − k·ln 2.
    @inlinable @inline(__always)
    static func reduce(_ y: Vector) -> (kBits: Integers, r: Vector) {
        let shifted = Vector(repeating: shifter).plusProduct(y, Vector(repeating: inverseLn2))
        let k = shifted - shifter
        let kBits = unsafeBitCast(unsafeBitCast(shifted, to: Bits.self) &- shifterBits, to: Integers.self)
        // k·ln2High is exact, so fusing or not gives the same first step.
        let r = (y - k * ln2High) - k * ln2Low
        return (kBits, r)
    }

    /// 2^k for integer k in −1022 … 1023, built from its bits.
    @inlinable @inline(__always)
    static func powerOfTwo(_ k: Integers) -> Vector {
        unsafeBitCast(unsafeBitCast(k &+ 1023, to: Bits.self) &<< 52, to: Vector.self)
    }

    /// `eˣ` in every lane, to ≤ 1 ulp.
    ///
    ///     eˣ = 2ᵏ · (1 + expm1(r)),  x = k·ln2 + r,  |r| ≤ ln2/2
    ///
    /// 2ᵏ is applied as two factors so results near overflow and subnormal
    /// results need no special path. exp(x) overflows to +∞ above
    /// 709.78 and is 0 below −745.13.
    @_transparent
    public static func exp(_ x: Vector) -> Vector {
        // Clamp so k stays in range; the clamped values still overflow or
        // underflow to the right answer.
        // (Masks, not `clamped`: the generic min and max are not always inlined.)
        let clamped = x.replacing(with: -760, where: x .< -760).replacing(with: 710, where: x .> 710)
        let (kBits, r) = reduce(clamped)
        let half = kBits &>> 1
        var result = (1 + expm1Reduced(r)) * powerOfTwo(half) * powerOfTwo(kBits &- half)
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// `tanh x` in every lane, to ≤ 3 ulp of the exact value.
    ///
    ///     tanh x = sign(x) · e / (e + 2),  e = expm1(2|x|)
    ///
    /// The quotient form has no cancellation near 0 (it is x(1 + O(x²)) for
    /// small x) and rounds to exactly ±1 beyond |x| = 22. One division per lane.
    @_transparent
    public static func tanh(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: Bits.self)
        let magnitude = unsafeBitCast(bits & ~signMask, to: Vector.self)
        let y = 2 * magnitude.replacing(with: 22, where: .!(magnitude .<= 22))
        let (kBits, r) = reduce(y)
        let scale = powerOfTwo(kBits)
        let e = (scale - 1).plusProduct(scale, expm1Reduced(r))
        let quotient = e / (e + 2)
        let saturated = quotient.replacing(with: 1, where: magnitude .> 22)
        var result = unsafeBitCast(unsafeBitCast(saturated, to: Bits.self) | (bits & signMask), to: Vector.self)
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// `ln(1 + e)` for e in [0, 1], to ≤ 2 ulp.
    ///
    ///     ln(1 + e) = 2·atanh(s) = 2(s + s³/3 + … + s²¹/21),  s = e / (2 + e)         (e < √2 − 1)
    ///     ln(1 + e) = ln 2 + 2·atanh(s),                     s = (e − 1) / (e + 3)   (otherwise)
    ///
    /// Either way |s| ≤ 3 − 2√2 ≈ 0.172, where the truncated series is below
    /// 0.03 ulp, and no step cancels (`e` itself enters, not a rounded 1 + e).
    /// One division per lane.
    @_transparent @usableFromInline
    static func log1pUnit(_ e: Vector) -> Vector {
        let isUpper = e .>= 0.41421356237309503
        let numerator = e.replacing(with: e - 1, where: isUpper)
        let denominator = (e + 2).replacing(with: e + 3, where: isUpper)
        let s = numerator / denominator
        let s2 = s * s
        var p = Vector(repeating: 1.0 / 19).plusProduct(Vector(repeating: 1.0 / 21), s2)
        p = Vector(repeating: 1.0 / 17).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 15).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 13).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 11).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 9).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 7).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 5).plusProduct(p, s2)
        p = Vector(repeating: 1.0 / 3).plusProduct(p, s2)
        // 2·atanh(s) = 2s + 2s·s²·p, the small correction added last.
        let twoS = 2 * s
        let series = twoS.plusProduct(twoS * s2, p)
        return series + Vector(repeating: 0).replacing(with: ln2High + ln2Low, where: isUpper)
    }

    /// `softplus(x) = ln(1 + eˣ)` in every lane, to ≤ 3 ulp of the exact value, in the form that
    /// never overflows (the cross-entropy of a logit):
    ///
    ///     softplus(x) = max(x, 0) + ln(1 + e^−|x|)
    @_transparent
    public static func softplus(_ x: Vector) -> Vector {
        let magnitude = unsafeBitCast(unsafeBitCast(x, to: Bits.self) & ~signMask, to: Vector.self)
        let tail = log1pUnit(exp(-magnitude).replacing(with: 0, where: x .!= x))
        var result = x.replacing(with: 0, where: x .< 0) + tail
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// `σ(x) = 1 / (1 + e⁻ˣ)` in every lane (exp to ≤ 1 ulp, then two roundings).
    @_transparent
    public static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }

    /// `eˣ` of one double (lane 0 of the vector kernel).
    @inlinable
    public static func exp(_ x: Double) -> Double { exp(Vector(repeating: x))[0] }

    /// `tanh x` of one double (lane 0 of the vector kernel).
    @inlinable
    public static func tanh(_ x: Double) -> Double { tanh(Vector(repeating: x))[0] }

    /// `softplus(x)` of one double (lane 0 of the vector kernel).
    @inlinable
    public static func softplus(_ x: Double) -> Double { softplus(Vector(repeating: x))[0] }

    /// Loads eight doubles from `pointer` (no alignment needed).
    @inlinable @inline(__always)
    public static func load(_ pointer: UnsafePointer<Double>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    /// Stores eight doubles at `pointer` (no alignment needed).
    @inlinable @inline(__always)
    public static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// The first `count` (< 8) doubles at `pointer` in a vector, the other lanes 0.
    @inlinable @inline(__always)
    public static func loadPartial(_ pointer: UnsafePointer<Double>, count: Int) -> Vector {
        var vector = Vector()
        for lane in 0..<count { vector[lane] = pointer[lane] }
        return vector
    }

    /// Stores the first `count` (< 8) lanes of `value` at `pointer`.
    @inlinable @inline(__always)
    public static func storePartial(_ value: Vector, _ pointer: UnsafeMutablePointer<Double>, count: Int) {
        for lane in 0..<count { pointer[lane] = value[lane] }
    }

    /// `destination[i] = tanh(source[i])` for i in 0..<count; the two may be
    /// the same memory.
    ///
    /// - Complexity: O(count), eight lanes at a time (the tail in a padded vector).
    @inlinable
    public static func tanh(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        // One vector per iteration keeps the kernel inline and its
        // constants in registers; lanes already give the core independent work.
        while i + 8 <= count {
            store(tanh(load(source + i)), destination + i)
            i += 8
        }
        if i < count { storePartial(tanh(loadPartial(source + i, count: count - i)), destination + i, count: count - i) }
    }

    /// `destination[i] = exp(source[i])`; the two may be the same memory.
    ///
    /// - Complexity: O(count), eight lanes at a time.
    @inlinable
    public static func exp(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(exp(load(source + i)), destination + i)
            i += 8
        }
        if i < count { storePartial(exp(loadPartial(source + i, count: count - i)), destination + i, count: count - i) }
    }

    /// `destination[i] = σ(source[i])`; the two may be the same memory.
    ///
    /// - Complexity: O(count), eight lanes at a time.
    @inlinable
    public static func sigmoid(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(sigmoid(load(source + i)), destination + i)
            i += 8
        }
        if i < count { storePartial(sigmoid(loadPartial(source + i, count: count - i)), destination + i, count: count - i) }
    }

    /// Replaces every element of `values` with its tanh.
    ///
    /// - Complexity: O(n), eight lanes at a time.
    @inlinable
    public static func tanh(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        tanh(base, into: base, count: values.count)
    }

    /// Replaces every element of `values` with its exp.
    ///
    /// - Complexity: O(n), eight lanes at a time.
    @inlinable
    public static func exp(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        exp(base, into: base, count: values.count)
    }
}
