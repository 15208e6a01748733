import DescentCore
import Glibc
import Testing
import TestSupport

/// Distance in units in the last place: how many doubles lie between a and b
/// (0 for equal values, and for +0 against −0).
func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
    func ordered(_ x: Double) -> Int64 {
        let bits = Int64(bitPattern: x.bitPattern)
        return bits < 0 ? Int64.min &- bits : bits
    }
    let difference = ordered(a).subtractingReportingOverflow(ordered(b))
    return difference.overflow ? .max : difference.partialValue.magnitude
}

/// The error of `value` in units in the last place of the exact result
/// `exact` (a Float80, 11 more bits than a double), as a fraction.
func ulpError(_ value: Double, exact: Float80) -> Double {
    let rounded = Double(exact)
    if value == rounded { return 0 }
    guard rounded.isFinite, rounded != 0 else { return .infinity }
    return Double(Swift.abs(Float80(value) - exact) / Float80(rounded.ulp))
}

/// The inputs every bound is checked over: a uniform sweep of `range`, a
/// denser one of [−1, 1] (where the tanh quotient rounds most), both signs
/// of logarithmically spaced magnitudes from the smallest subnormal up to
/// `largest`, seeded random bit patterns of finite doubles and seeded
/// random points of [−1, 1].
func sweep(_ range: ClosedRange<Double>, largest: Double, count: Int = 200_000) -> [Double] {
    var points = (0...count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count) }
    points += (0...count).map { -1 + 2 * Double($0) / Double(count) + 1e-7 }
    let smallest = log2(Double.leastNonzeroMagnitude), top = log2(largest)
    for i in 0...count {
        let magnitude = exp2(smallest + (top - smallest) * Double(i) / Double(count))
        points += [magnitude, -magnitude]
    }
    var generator = SeededGenerator(seed: 2024)
    for _ in 0..<count {
        let x = Double(bitPattern: generator.next())
        if x.isFinite { points.append(x) }
        // Every bit of the mantissa random, so rare roundings are met too.
        points.append(Double.random(in: -1...1, using: &generator))
    }
    return points
}

@Suite struct `Fast exp and tanh` {
    @Test func `tanh stays within 3 ulp of the exact value over its whole range`() {
        // The oracle: glibc's tanhl in 64-bit precision, exact for a double's purposes.
        var worst: (ulps: Double, x: Double) = (0, 0)
        for x in sweep(-30...30, largest: 1e300) {
            let ulps = ulpError(FastMath.tanh(x), exact: tanhl(Float80(x)))
            if ulps > worst.ulps { worst = (ulps, x) }
        }
        #expect(worst.ulps <= 3, "tanh(\(worst.x)) = \(FastMath.tanh(worst.x)), exact \(tanhl(Float80(worst.x))): \(worst.ulps) ulp")
    }

    @Test func `tanh stays within 5 ulp of glibc's, whose own error reaches 2`() {
        var worst: (ulps: UInt64, x: Double) = (0, 0)
        for x in sweep(-30...30, largest: 1e300) {
            let ulps = ulpDistance(FastMath.tanh(x), Glibc.tanh(x))
            if ulps > worst.ulps { worst = (ulps, x) }
        }
        #expect(worst.ulps <= 5, "tanh(\(worst.x)) = \(FastMath.tanh(worst.x)), glibc \(Glibc.tanh(worst.x)): \(worst.ulps) ulp")
    }

    @Test func `exp stays within 1 ulp of glibc over its whole range`() {
        var worst: (ulps: UInt64, x: Double) = (0, 0)
        for x in sweep(-746...710, largest: 1e300) {
            let ulps = ulpDistance(FastMath.exp(x), Glibc.exp(x))
            if ulps > worst.ulps { worst = (ulps, x) }
        }
        #expect(worst.ulps <= 1, "exp(\(worst.x)) = \(FastMath.exp(worst.x)), glibc \(Glibc.exp(worst.x)): \(worst.ulps) ulp")
    }

    @Test(arguments: [
        (0.0, 0.0), (-0.0, -0.0), (Double.infinity, 1.0), (-Double.infinity, -1.0),
        (22.5, 1.0), (-40.0, -1.0), (1e300, 1.0), (Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude),
        (-Double.leastNormalMagnitude / 4, -Double.leastNormalMagnitude / 4),
    ])
    func `tanh gets the special values exactly`(x: Double, expected: Double) {
        let result = FastMath.tanh(x)
        #expect(result == expected && result.sign == expected.sign, "tanh(\(x)) = \(result), expected \(expected)")
    }

    @Test(arguments: [
        (0.0, 1.0), (-0.0, 1.0), (Double.infinity, Double.infinity), (-Double.infinity, 0.0),
        (710.0, Double.infinity), (-746.0, 0.0), (1e300, Double.infinity), (-1e300, 0.0),
    ])
    func `exp gets the special values exactly`(x: Double, expected: Double) {
        #expect(FastMath.exp(x) == expected, "exp(\(x)) = \(FastMath.exp(x)), expected \(expected)")
    }

    @Test func `NaN in gives NaN out`() {
        #expect(FastMath.tanh(Double.nan).isNaN)
        #expect(FastMath.exp(Double.nan).isNaN)
        #expect(FastMath.softplus(Double.nan).isNaN)
        let mixed = FastMath.tanh(FastMath.Vector(.nan, 0.5, -.infinity, -0.0, 3, .nan, Double.leastNormalMagnitude / 4, -25))
        #expect(mixed[0].isNaN && mixed[5].isNaN, "\(mixed)")
        #expect(ulpDistance(mixed[1], Glibc.tanh(0.5)) <= 3 && ulpDistance(mixed[4], Glibc.tanh(3)) <= 3, "\(mixed)")
        #expect(mixed[2] == -1 && mixed[3] == 0 && mixed[3].sign == .minus && mixed[6] == Double.leastNormalMagnitude / 4 && mixed[7] == -1,
                "\(mixed)")
    }

    @Test func `softplus stays within 3 ulp of the exact value over its whole range`() {
        // The oracle in 64-bit precision: max(x, 0) + log1p(exp(−|x|)) with glibc's long double functions.
        func exact(_ x: Double) -> Float80 {
            Float80(Swift.max(x, 0)) + log1pl(expl(-Swift.abs(Float80(x))))
        }
        var worst: (ulps: Double, x: Double) = (0, 0)
        for x in sweep(-60...60, largest: 1e300) {
            let ulps = ulpError(FastMath.softplus(x), exact: exact(x))
            if ulps > worst.ulps { worst = (ulps, x) }
        }
        #expect(worst.ulps <= 3, "softplus(\(worst.x)) = \(FastMath.softplus(worst.x)), exact \(exact(worst.x)): \(worst.ulps) ulp")
    }

    @Test(arguments: [
        (0.0, 0.6931471805599453), (-0.0, 0.6931471805599453), (Double.infinity, Double.infinity),
        (-Double.infinity, 0.0), (800.0, 800.0), (-800.0, 0.0), (1e300, 1e300),
    ])
    func `softplus gets the special values exactly`(x: Double, expected: Double) {
        #expect(FastMath.softplus(x) == expected, "softplus(\(x)) = \(FastMath.softplus(x)), expected \(expected)")
    }

    @Test func `sigmoid is one over one plus exp of minus x`() {
        for x in stride(from: -40.0, through: 40, by: 0.37) {
            let expected = 1 / (1 + Glibc.exp(-x))
            let input = [x]
            var value = Double.nan
            input.withUnsafeBufferPointer { FastMath.sigmoid($0.baseAddress!, into: &value, count: 1) }
            #expect(ulpDistance(value, expected) <= 3, "σ(\(x)) = \(value), expected \(expected)")
        }
    }

    @Test(arguments: [0, 1, 3, 4, 7, 8, 9, 15, 16, 17])
    func `buffers of any length get the same values as single lanes`(count: Int) {
        var values = (0..<count).map { Double($0) * 0.7 - 2 }
        let expected = values.map { FastMath.tanh($0) }
        values.withUnsafeMutableBufferPointer { FastMath.tanh($0) }
        #expect(values == expected, "count \(count)")
        var exponents = (0..<count).map { Double($0) * 3 - 10 }
        let expectedExp = exponents.map { FastMath.exp($0) }
        exponents.withUnsafeMutableBufferPointer { FastMath.exp($0) }
        #expect(exponents == expectedExp, "count \(count)")
        let source = (0..<count).map { Double($0) * 0.45 - 3 }
        var destination = [Double](repeating: .nan, count: count)
        source.withUnsafeBufferPointer { from in
            destination.withUnsafeMutableBufferPointer { to in
                if let input = from.baseAddress, let output = to.baseAddress { FastMath.tanh(input, into: output, count: count) }
            }
        }
        #expect(destination == source.map { FastMath.tanh($0) }, "count \(count), from one buffer into another")
    }
}
