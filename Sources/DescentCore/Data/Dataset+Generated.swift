#if canImport(Glibc)
import Glibc
#endif

// Generated data sets. Each is a pure function of its arguments and seed:
// the draws come from `SeededGenerator(seed:)` through `RandomDraw`, in the
// order each doc comment states, so a set can be regenerated anywhere.
// Classification sets interleave their classes (sample i has label i mod 2,
// or its quadrant's label for XOR), so any run of consecutive samples, such
// as a mini-batch, holds every class.

extension Dataset {
    /// A straight line with Gaussian noise, for regression:
    ///
    ///     xᵢ ~ U[lower, upper),   yᵢ = slope·xᵢ + intercept + noise·εᵢ,   εᵢ ~ N(0, 1)
    ///
    /// Draws per sample, in order: xᵢ, then εᵢ. One feature `x`, target `y`.
    /// `count` ≥ 1, `noise` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func noisyLine(count: Int = 50, slope: Double = 2, intercept: Double = 1, noise: Double = 0.5,
                                 inputs: ClosedRange<Double> = -2...2, seed: UInt64) -> Dataset {
        regression(count: count, noise: noise, inputs: inputs, seed: seed) { slope * $0 + intercept }
    }

    /// A sine wave with Gaussian noise, for regression (a straight line
    /// cannot fit it; a network can):
    ///
    ///     xᵢ ~ U[lower, upper),   yᵢ = amplitude·sin(frequency·xᵢ) + noise·εᵢ,   εᵢ ~ N(0, 1)
    ///
    /// Draws per sample, in order: xᵢ, then εᵢ. One feature `x`, target `y`.
    /// `count` ≥ 1, `noise` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func sine(count: Int = 50, amplitude: Double = 1, frequency: Double = 1, noise: Double = 0.1,
                            inputs: ClosedRange<Double> = -Double.pi...Double.pi, seed: UInt64) -> Dataset {
        regression(count: count, noise: noise, inputs: inputs, seed: seed) { amplitude * Glibc.sin(frequency * $0) }
    }

    /// Two Gaussian blobs, for classification: sample i has label `c = i mod 2`
    ///
    ///     (x1ᵢ, x2ᵢ) = centre_c + spread·(ε₁, ε₂),   ε ~ N(0, 1)
    ///
    /// with `centre_0 = first`, `centre_1 = second`. Draws per sample: ε₁, ε₂.
    /// Features `x1`, `x2`, target `label` (0 or 1). `count` ≥ 1, `spread` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func twoBlobs(count: Int = 100, first: (Double, Double) = (-1, -1), second: (Double, Double) = (1, 1),
                                spread: Double = 0.5, seed: UInt64) -> Dataset {
        classification(count: count, noise: spread, seed: seed) { i, generator in
            let centre = i % 2 == 0 ? first : second
            let x1 = centre.0 + spread * RandomDraw.standardNormal(using: &generator)
            let x2 = centre.1 + spread * RandomDraw.standardNormal(using: &generator)
            return (x1, x2, Double(i % 2))
        }
    }

    /// XOR: four Gaussian clusters at (±1, ±1), labelled 1 where exactly one
    /// coordinate of the centre is positive (no straight line separates them).
    /// Sample i belongs to cluster `i mod 4`:
    ///
    ///     centres (1, 1) → 0,  (−1, 1) → 1,  (−1, −1) → 0,  (1, −1) → 1
    ///     (x1ᵢ, x2ᵢ) = centre + spread·(ε₁, ε₂),   ε ~ N(0, 1)
    ///
    /// Draws per sample: ε₁, ε₂. Features `x1`, `x2`, target `label`.
    /// `count` ≥ 1, `spread` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func xor(count: Int = 100, spread: Double = 0.3, seed: UInt64) -> Dataset {
        let centres: [(Double, Double, Double)] = [(1, 1, 0), (-1, 1, 1), (-1, -1, 0), (1, -1, 1)]
        return classification(count: count, noise: spread, seed: seed) { i, generator in
            let centre = centres[i % 4]
            let x1 = centre.0 + spread * RandomDraw.standardNormal(using: &generator)
            let x2 = centre.1 + spread * RandomDraw.standardNormal(using: &generator)
            return (x1, x2, centre.2)
        }
    }

    /// Two interleaved spirals, for classification. Sample i has label
    /// `c = i mod 2` and is the m-th (`m = i / 2`) of the `n_c` samples of
    /// its class:
    ///
    ///     t = (m + 1) / n_c                       (in (0, 1]: the radius)
    ///     θ = 2π·turns·t + c·π                    (class 1 is class 0 turned by π)
    ///     (x1ᵢ, x2ᵢ) = t·(cos θ, sin θ) + noise·(ε₁, ε₂),   ε ~ N(0, 1)
    ///
    /// Draws per sample: ε₁, ε₂. Features `x1`, `x2`, target `label`.
    /// `count` ≥ 1, `noise` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func twoSpirals(count: Int = 200, turns: Double = 1.5, noise: Double = 0.02,
                                  seed: UInt64) -> Dataset {
        classification(count: count, noise: noise, seed: seed) { i, generator in
            let c = i % 2
            let t = Double(i / 2 + 1) / Double(classSize(c, of: count))
            let theta = 2 * Double.pi * turns * t + Double(c) * Double.pi
            let x1 = t * Glibc.cos(theta) + noise * RandomDraw.standardNormal(using: &generator)
            let x2 = t * Glibc.sin(theta) + noise * RandomDraw.standardNormal(using: &generator)
            return (x1, x2, Double(c))
        }
    }

    /// Two interleaving half circles ("moons", as scikit-learn's
    /// `make_moons`), for classification. Sample i has label `c = i mod 2`
    /// and is the m-th (`m = i / 2`) of the `n_c` samples of its class:
    ///
    ///     θ = π·m / (n_c − 1)                    (0 when n_c = 1)
    ///     class 0: (cos θ, sin θ)                 (upper moon, centre (0, 0))
    ///     class 1: (1 − cos θ, 0.5 − sin θ)       (lower moon, centre (1, 0.5))
    ///     plus noise·(ε₁, ε₂),   ε ~ N(0, 1)
    ///
    /// Draws per sample: ε₁, ε₂. Features `x1`, `x2`, target `label`.
    /// `count` ≥ 1, `noise` ≥ 0.
    ///
    /// - Complexity: O(count).
    public static func moons(count: Int = 200, noise: Double = 0.1, seed: UInt64) -> Dataset {
        classification(count: count, noise: noise, seed: seed) { i, generator in
            let c = i % 2, size = classSize(c, of: count)
            let theta = size > 1 ? Double.pi * Double(i / 2) / Double(size - 1) : 0
            let (x, y) = c == 0 ? (Glibc.cos(theta), Glibc.sin(theta)) : (1 - Glibc.cos(theta), 0.5 - Glibc.sin(theta))
            return (x + noise * RandomDraw.standardNormal(using: &generator),
                    y + noise * RandomDraw.standardNormal(using: &generator), Double(c))
        }
    }

    /// Samples of class `c` (0 or 1) among `count` interleaved samples.
    private static func classSize(_ c: Int, of count: Int) -> Int { (count + 1 - c) / 2 }

    private static func regression(count: Int, noise: Double, inputs: ClosedRange<Double>, seed: UInt64,
                                   curve: (Double) -> Double) -> Dataset {
        precondition(count > 0, "a generated data set needs at least one sample")
        precondition(noise >= 0, "noise is a standard deviation: 0 or more")
        var generator = SeededGenerator(seed: seed)
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(count)
        targets.reserveCapacity(count)
        for _ in 0..<count {
            let x = RandomDraw.uniform(inputs.lowerBound, inputs.upperBound, using: &generator)
            features.append(x)
            targets.append(curve(x) + noise * RandomDraw.standardNormal(using: &generator))
        }
        return Dataset(featureCount: 1, features: features, targets: targets)
    }

    private static func classification(
        count: Int, noise: Double, seed: UInt64,
        sample: (Int, inout SeededGenerator) -> (Double, Double, Double)
    ) -> Dataset {
        precondition(count > 0, "a generated data set needs at least one sample")
        precondition(noise >= 0, "noise (or spread) is a standard deviation: 0 or more")
        var generator = SeededGenerator(seed: seed)
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(2 * count)
        targets.reserveCapacity(count)
        for i in 0..<count {
            let (x1, x2, label) = sample(i, &generator)
            features += [x1, x2]
            targets.append(label)
        }
        return Dataset(featureCount: 2, features: features, targets: targets, targetName: "label")
    }
}
