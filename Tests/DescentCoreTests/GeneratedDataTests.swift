import Foundation
import DescentCore
import Testing
import TestSupport

@Suite struct `Generated data sets` {
    /// Every generator with the given seed (default sizes), by name.
    static func all(seed: UInt64) -> [(String, Dataset)] {
        [("line", .noisyLine(seed: seed)), ("sine", .sine(seed: seed)), ("blobs", .twoBlobs(seed: seed)),
         ("xor", .xor(seed: seed)), ("spirals", .twoSpirals(seed: seed)), ("moons", .moons(seed: seed))]
    }

    func mean(_ values: some Collection<Double>) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test func `every generator is deterministic for a seed and differs between seeds`() {
        for ((name, first), (_, again)) in zip(Self.all(seed: 5), Self.all(seed: 5)) {
            #expect(first == again, "\(name)")
        }
        for ((name, first), (_, other)) in zip(Self.all(seed: 5), Self.all(seed: 6)) {
            #expect(first.features != other.features, "\(name)")
        }
    }

    @Test func `every generator has its documented size, columns and finite values`() throws {
        let expected = ["line": (50, 1), "sine": (50, 1), "blobs": (100, 2), "xor": (100, 2),
                        "spirals": (200, 2), "moons": (200, 2)]
        for (name, data) in Self.all(seed: 1) {
            let (count, features) = try #require(expected[name])
            #expect(data.count == count && data.featureCount == features, "\(name): \(data.count)×\(data.featureCount)")
            #expect(data.features.allSatisfy(\.isFinite) && data.targets.allSatisfy(\.isFinite), "\(name)")
        }
        #expect(Dataset.moons(count: 7, seed: 1).count == 7)
        #expect(Dataset.noisyLine(count: 1, seed: 1).count == 1)
    }

    @Test func `classification sets interleave balanced 0/1 labels`() {
        for (name, data) in Self.all(seed: 2).dropFirst(2) {
            #expect(data.targetName == "label" && data.featureNames == ["x1", "x2"], "\(name)")
            #expect(Set(data.targets) == [0, 1], "\(name)")
            #expect(data.targets.filter { $0 == 1 }.count == data.count / 2, "\(name)")
            #expect(data.targets[0] != data.targets[1], "\(name): a mini-batch of two already holds both classes")
        }
    }

    @Test func `a noiseless line lies on its formula and a noisy one scatters by the noise`() throws {
        let exact = Dataset.noisyLine(count: 30, slope: -1.5, intercept: 2, noise: 0, inputs: 1...4, seed: 3)
        #expect(exact.featureNames == ["x"] && exact.targetName == "y")
        for i in 0..<exact.count {
            let x = exact.features[i]
            #expect((1..<4).contains(x) && exact.targets[i] == -1.5 * x + 2, "sample \(i): \(x)")
        }
        let noisy = Dataset.noisyLine(count: 4000, slope: 2, intercept: 1, noise: 0.5, seed: 3)
        let residuals = (0..<noisy.count).map { noisy.targets[$0] - (2 * noisy.features[$0] + 1) }
        let sd = mean(residuals.map { $0 * $0 }).squareRoot()
        #expect(abs(mean(residuals)) < 0.05 && abs(sd - 0.5) < 0.03, "residual mean \(mean(residuals)), sd \(sd)")
        let fit = try #require(LinearRegression(data: noisy).closedFormSolution)
        #expect(abs(fit[0] - 2) < 0.05 && abs(fit[1] - 1) < 0.05, "least squares \(fit)")
    }

    @Test func `a noiseless sine lies on its formula`() {
        let data = Dataset.sine(count: 20, amplitude: 2, frequency: 3, noise: 0, seed: 4)
        for i in 0..<data.count {
            #expect(data.targets[i] == 2 * sin(3 * data.features[i]), "sample \(i)")
            #expect(abs(data.features[i]) <= Double.pi, "sample \(i)")
        }
    }

    @Test func `the blobs are centred where asked with the asked spread`() {
        let data = Dataset.twoBlobs(count: 4000, first: (-2, 0.5), second: (3, 1), spread: 0.4, seed: 5)
        for (label, centre) in [(0.0, (-2.0, 0.5)), (1.0, (3.0, 1.0))] {
            let rows = (0..<data.count).filter { data.targets[$0] == label }
            let x1 = rows.map { data.feature($0, 0) }, x2 = rows.map { data.feature($0, 1) }
            // The mean of 2000 draws with sd 0.4 is within 4 standard errors (0.036) of the centre.
            #expect(abs(mean(x1) - centre.0) < 0.036 && abs(mean(x2) - centre.1) < 0.036,
                    "label \(label): mean (\(mean(x1)), \(mean(x2)))")
            let sd = mean(x1.map { ($0 - centre.0) * ($0 - centre.0) }).squareRoot()
            #expect(abs(sd - 0.4) < 0.03, "label \(label): sd \(sd)")
        }
    }

    @Test func `XOR labels a point 1 when its cluster's coordinates differ in sign`() {
        let data = Dataset.xor(count: 400, spread: 0.1, seed: 6)
        for i in 0..<data.count {
            let x1 = data.feature(i, 0), x2 = data.feature(i, 1)
            #expect(data.targets[i] == (x1 * x2 < 0 ? 1 : 0), "sample \(i) at (\(x1), \(x2))")
        }
        let corners = (0..<4).map { (data.feature($0, 0).sign, data.feature($0, 1).sign) }
        #expect(corners.map { "\($0.0 == .plus ? "+" : "-")\($0.1 == .plus ? "+" : "-")" } == ["++", "-+", "--", "+-"])
    }

    @Test func `noiseless spirals: radius grows along each arm and class 1 is class 0 turned by π`() {
        let data = Dataset.twoSpirals(count: 100, turns: 2, noise: 0, seed: 7)
        var previousRadius = 0.0
        for m in 0..<50 {
            let i = 2 * m
            let radius = hypot(data.feature(i, 0), data.feature(i, 1))
            #expect(isClose(radius, Double(m + 1) / 50, tolerance: 1e-12) && radius > previousRadius, "sample \(i)")
            previousRadius = radius
            #expect(isClose(data.feature(i + 1, 0), -data.feature(i, 0), tolerance: 1e-12)
                    && isClose(data.feature(i + 1, 1), -data.feature(i, 1), tolerance: 1e-12), "sample \(i + 1)")
        }
    }

    @Test func `noiseless moons lie on their two half circles`() {
        let data = Dataset.moons(count: 51, noise: 0, seed: 8)
        for i in 0..<data.count {
            let x1 = data.feature(i, 0), x2 = data.feature(i, 1)
            let (radius, upper) = data.targets[i] == 0 ? (hypot(x1, x2), x2 >= -1e-12)
                                                       : (hypot(x1 - 1, x2 - 0.5), x2 <= 0.5 + 1e-12)
            #expect(isClose(radius, 1, tolerance: 1e-12) && upper, "sample \(i) at (\(x1), \(x2))")
        }
        // Each moon runs its full half circle: from θ = 0 to θ = π.
        #expect(isClose(data.feature(0, 0), 1) && isClose(data.feature(50, 0), -1), "outer moon's ends")
    }

    @Test func `seeded normal draws have mean 0 and variance 1, uniform draws stay in [0, 1)`() {
        var generator = SeededGenerator(seed: 9)
        let normals = (0..<20_000).map { _ in RandomDraw.standardNormal(using: &generator) }
        let m = mean(normals), variance = mean(normals.map { ($0 - m) * ($0 - m) })
        #expect(abs(m) < 0.03 && abs(variance - 1) < 0.04, "mean \(m), variance \(variance)")
        let uniforms = (0..<20_000).map { _ in RandomDraw.unitInterval(using: &generator) }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 } && abs(mean(uniforms) - 0.5) < 0.01)
    }
}
