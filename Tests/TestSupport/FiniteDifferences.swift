import DescentCore

/// Central finite differences of a function of several variables: the oracle
/// every gradient is checked against.
public func centralDifferences(of function: ([Double]) -> Double, at point: [Double], step: Double = 1e-6) -> [Double] {
    point.indices.map { i in
        let h = step * max(1, abs(point[i]))
        var forward = point, backward = point
        forward[i] += h
        backward[i] -= h
        return (function(forward) - function(backward)) / (forward[i] - backward[i])
    }
}

/// Whether `a` and `b` agree to a relative tolerance (absolute near zero).
public func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// `count` points drawn uniformly from `range` in every coordinate, seeded.
public func seededPoints(count: Int, dimension: Int, in range: ClosedRange<Double>, seed: UInt64) -> [[Double]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<dimension).map { _ in Double.random(in: range, using: &generator) } }
}
