#if canImport(Glibc)
import Glibc
#endif
import DescentCore

/// The data sets and starting weights WORKLOADS.md fixes, built exactly as
/// the spec writes them so every implementation sees the same doubles.
public enum BenchData {
    /// "n evenly spaced values from lo to hi": `lo + (hi − lo)·i/(n − 1)`.
    public static func evenlySpaced(_ count: Int, from low: Double, to high: Double) -> [Double] {
        precondition(count >= 2, "evenly spaced values need at least two points")
        return (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    /// W1's data: `x[i] = −2 + 4i/(N−1)`, `y[i] = 3x[i] − 1 + 0.5·sin(7x[i])`, N = 256.
    public static let linearRegression: Dataset = {
        let count = 256
        let x = (0..<count).map { -2 + 4 * Double($0) / Double(count - 1) }
        return Dataset(featureCount: 1, features: x, targets: x.map { 3 * $0 - 1 + 0.5 * sin(7 * $0) })
    }()

    /// W2's data: `u[i] = 2·frac(0.618…·i) − 1`, `v[i] = 2·frac(0.414…·i) − 1`,
    /// `y[i] = sin(3u[i])·cos(2v[i])`, N = 1024; features row-major (u, v).
    public static let multilayerPerceptron: Dataset = {
        func fraction(_ z: Double) -> Double { z - floor(z) }
        var features: [Double] = [], targets: [Double] = []
        for i in 0..<1024 {
            let u = 2 * fraction(Double(i) * 0.6180339887498949) - 1
            let v = 2 * fraction(Double(i) * 0.4142135623730951) - 1
            features += [u, v]
            targets.append(sin(3 * u) * cos(2 * v))
        }
        return Dataset(featureCount: 2, features: features, targets: targets)
    }()

    /// W2's starting weight `A_l[j][k] = 0.9·sin(1 + 3.1l + 1.7j + 0.37k)/√n_l`.
    public static func multilayerPerceptronWeight(layer: Int, output j: Int, input k: Int, fanIn: Int) -> Double {
        0.9 * sin(1 + 3.1 * Double(layer) + 1.7 * Double(j) + 0.37 * Double(k)) / Double(fanIn).squareRoot()
    }
}

extension BenchData {
    /// W2's network: 2 → 16 → 16 → 1, tanh, mean squared error, over `data`.
    public static func multilayerPerceptronModel(data: Dataset = multilayerPerceptron) -> MultilayerPerceptron {
        MultilayerPerceptron(data: data, hiddenSizes: [16, 16], activation: .tanh, loss: .meanSquaredError)
    }

    /// W2's starting weights in the model's flat order: every `A_l[j][k]` by
    /// the spec's formula (fan-in 2, 16, 16), every bias 0.
    public static func multilayerPerceptronStart(_ model: MultilayerPerceptron) -> [Double] {
        var weights = [Double](repeating: 0, count: model.dimension)
        for (index, layer) in model.layers.enumerated() {
            for j in 0..<layer.outputSize {
                for k in 0..<layer.inputSize {
                    weights[layer.weightIndex(row: j, column: k)] =
                        multilayerPerceptronWeight(layer: index + 1, output: j, input: k, fanIn: layer.inputSize)
                }
            }
        }
        return weights
    }
}
