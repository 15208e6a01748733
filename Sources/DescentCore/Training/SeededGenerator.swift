/// A small, fast, seedable random number generator (SplitMix64), so every
/// run, batch order and restart is reproducible from its seed.
///
/// The draws below (`uniform(below:)`, `shuffled(count:)`; `RandomDraw` for reals)
/// are written out here rather than taken from the standard library, whose
/// algorithms for `shuffle` and `random(in:)` are not promised to stay the
/// same across Swift versions: a seed must give the same run everywhere.
///
/// Source: Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators" (2014).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound`, every value equally likely (rejection
    /// of the few draws that would bias the remainder).
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "a uniform draw needs at least one value to choose from")
        let n = UInt64(bound)
        let threshold = (0 &- n) % n
        var draw = next()
        while draw < threshold { draw = next() }
        return Int(draw % n)
    }

    /// `0..<count` in a uniformly random order (Fisher–Yates).
    ///
    /// - Complexity: O(count).
    public mutating func shuffled(count: Int) -> [Int] {
        var order = Array(0..<max(0, count))
        var i = order.count - 1
        while i > 0 {
            order.swapAt(i, uniform(below: i + 1))
            i -= 1
        }
        return order
    }

    /// A seed for stream `index` derived from `seed`, so related streams
    /// (restart 3's batch order, say) are independent of each other.
    public static func derivedSeed(_ seed: UInt64, stream index: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        return generator.next()
    }
}
