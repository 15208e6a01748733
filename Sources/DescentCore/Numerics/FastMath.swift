// Design: exp and tanh over SIMD vectors of doubles, in pure Swift, for the
// vectorised engine's activations and the surface sampler. One kernel does
// the work: expm1 on the reduced range |r| ≤ ln2/2 by its Taylor series,
// after the classic Cody–Waite reduction x = k·ln2 + r (fdlibm's split of
// ln 2, so k·ln2_hi is exact). Both functions are branch-free across lanes:
// special cases (NaN, ±∞, saturation, overflow, subnormals) are selected
// with masks, so a vector of mixed inputs costs the same as any other.
//
// Error bounds (measured against glibc over the whole range, Tests/
// DescentCoreTests/FastMathTests.swift, and argued below):
//   exp:  ≤ 1 ulp for normal results (one rounding of 1 + expm1(r), whose
//         error is < 0.1 ulp); ≤ 1 ulp of the smallest subnormal below 2^−1022.
//   tanh: ≤ 3 ulp (expm1(2|x|) to ≤ 1 ulp, then e / (e + 2): two more roundings).
// Exact: exp(±0) = 1, exp(−∞) = 0, exp(+∞) = +∞, tanh(±0) = ±0,
// tanh(±∞) = ±1, tanh(x) = x for subnormal x; NaN in, NaN out.

/// Fast, accurate `exp` and `tanh` over `SIMD4<Double>` lanes and over
/// arrays: the activations of the vectorised engine.
///
/// Error bounds: `exp` ≤ 1 ulp, `tanh` ≤ 3 ulp over the whole range, with
/// IEEE special values exact (see the table in the tests).
public enum FastMath {
    public typealias Vector = SIMD4<Double>
    @usableFromInline typealias Bits = SIMD4<UInt64>

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
    /// n = 2 … 13. The truncated tail is below 0.06 ulp of the result.
    @inlinable @inline(__always)
    static func expm1Reduced(_ r: Vector) -> Vector {
        var p = Vector(repeating: 1.0 / 6227020800)      // 1/13!
        p = p * r + 1.0 / 479001600                       // 1/12!
        p = p * r + 1.0 / 39916800
        p = p * r + 1.0 / 3628800
        p = p * r + 1.0 / 362880
        p = p * r + 1.0 / 40320
        p = p * r + 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        return r + (r * r) * p
    }

    /// Rounds `y / ln 2` to the nearest integer k (|y / ln 2| < 2^51) and
    /// returns k as a double, k as an integer, and r = y − k·ln 2.
    @inlinable @inline(__always)
    static func reduce(_ y: Vector) -> (k: Vector, kBits: SIMD4<Int64>, r: Vector) {
        let shifted = y * inverseLn2 + shifter
        let k = shifted - shifter
        let kBits = unsafeBitCast(unsafeBitCast(shifted, to: Bits.self) &- shifterBits, to: SIMD4<Int64>.self)
        let r = (y - k * ln2High) - k * ln2Low
        return (k, kBits, r)
    }

    /// 2^k for integer k in −1022 … 1023, built from its bits.
    @inlinable @inline(__always)
    static func powerOfTwo(_ k: SIMD4<Int64>) -> Vector {
        unsafeBitCast(unsafeBitCast(k &+ 1023, to: Bits.self) &<< 52, to: Vector.self)
    }

    /// `eˣ` in every lane, to ≤ 1 ulp.
    ///
    ///     eˣ = 2ᵏ · (1 + expm1(r)),  x = k·ln2 + r,  |r| ≤ ln2/2
    ///
    /// 2ᵏ is applied as two factors so results near overflow and subnormal
    /// results need no special path. exp(x) overflows to +∞ above
    /// 709.78 and is 0 below −745.13.
    @inlinable @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        // Clamp so k stays in range; the clamped values still overflow or
        // underflow to the right answer.
        let clamped = x.clamped(lowerBound: Vector(repeating: -760), upperBound: Vector(repeating: 710))
        let (_, kBits, r) = reduce(clamped)
        let half = kBits &>> 1
        var result = (1 + expm1Reduced(r)) * powerOfTwo(half) * powerOfTwo(kBits &- half)
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// `tanh x` in every lane, to ≤ 3 ulp.
    ///
    ///     tanh x = sign(x) · e / (e + 2),  e = expm1(2|x|)
    ///
    /// The quotient form has no cancellation near 0 (it is x(1 + O(x²)) for
    /// small x) and rounds to exactly ±1 beyond |x| = 22.
    @inlinable @inline(__always)
    public static func tanh(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: Bits.self)
        let magnitude = unsafeBitCast(bits & ~signMask, to: Vector.self)
        let y = 2 * magnitude.replacing(with: 22, where: .!(magnitude .<= 22))
        let (_, kBits, r) = reduce(y)
        let scale = powerOfTwo(kBits)
        let e = scale * expm1Reduced(r) + (scale - 1)
        let quotient = e / (e + 2)
        let saturated = quotient.replacing(with: 1, where: magnitude .> 22)
        var result = unsafeBitCast(unsafeBitCast(saturated, to: Bits.self) | (bits & signMask), to: Vector.self)
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// `eˣ` of one double (lane 0 of the vector kernel).
    @inlinable
    public static func exp(_ x: Double) -> Double { exp(Vector(repeating: x))[0] }

    /// `tanh x` of one double (lane 0 of the vector kernel).
    @inlinable
    public static func tanh(_ x: Double) -> Double { tanh(Vector(repeating: x))[0] }

    /// Replaces every element of `values` with its tanh.
    ///
    /// - Complexity: O(n), four lanes at a time.
    @inlinable
    public static func tanh(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        let count = values.count
        var i = 0
        // Two vectors per iteration: independent chains the core can overlap.
        while i + 8 <= count {
            let raw = UnsafeMutableRawPointer(base + i)
            let low = tanh(raw.loadUnaligned(as: Vector.self))
            let high = tanh(raw.loadUnaligned(fromByteOffset: 32, as: Vector.self))
            raw.storeBytes(of: low, as: Vector.self)
            raw.storeBytes(of: high, toByteOffset: 32, as: Vector.self)
            i += 8
        }
        applyTail(base + i, count: count - i) { tanh($0) }
    }

    /// Replaces every element of `values` with its exp.
    ///
    /// - Complexity: O(n), four lanes at a time.
    @inlinable
    public static func exp(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        let count = values.count
        var i = 0
        while i + 4 <= count {
            let raw = UnsafeMutableRawPointer(base + i)
            raw.storeBytes(of: exp(raw.loadUnaligned(as: Vector.self)), as: Vector.self)
            i += 4
        }
        applyTail(base + i, count: count - i) { exp($0) }
    }

    /// Applies a lane-wise kernel to the last `count` (< 8) elements, four at
    /// a time and then in a padded vector, so every element gets the same
    /// arithmetic wherever it sits.
    @inlinable
    static func applyTail(_ base: UnsafeMutablePointer<Double>, count: Int, _ kernel: (Vector) -> Vector) {
        var i = 0
        while i + 4 <= count {
            let raw = UnsafeMutableRawPointer(base + i)
            raw.storeBytes(of: kernel(raw.loadUnaligned(as: Vector.self)), as: Vector.self)
            i += 4
        }
        if i < count {
            var tail = Vector()
            for lane in 0..<(count - i) { tail[lane] = base[i + lane] }
            let result = kernel(tail)
            for lane in 0..<(count - i) { base[i + lane] = result[lane] }
        }
    }
}
