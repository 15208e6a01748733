#if canImport(Glibc)
import Glibc
#endif
import DescentCore
import Testing
import TestSupport

extension ClassicFunction: CustomTestStringConvertible {
    public var testDescription: String { name }
}

@Suite struct `Classic test functions` {
    @Test func `the catalog has every function the issue names, each under a unique name`() {
        let names = ClassicFunction.all.map(\.name)
        #expect(names == ["bowl", "ravine", "saddle", "rosenbrock", "himmelblau", "beale", "booth", "matyas",
                          "three-hump-camel", "six-hump-camel", "rastrigin", "ackley", "styblinski-tang", "wells"])
        #expect(Set(names).count == names.count)
        #expect(ClassicFunction.named("himmelblau")?.minima.count == 4)
        #expect(ClassicFunction.named("nope") == nil)
    }

    @Test(arguments: [ClassicFunction.rastrigin, ClassicFunction.ackley])
    func `an egg box knows every dip of its region: one beside each pair of whole numbers from -5 to 5`(
        _ function: ClassicFunction
    ) {
        let minima = function.minima
        #expect(minima.count == 121 && minima.filter(\.isGlobal).map(\.point) == [[0, 0]] && minima[0].isGlobal)
        let nearestWholeNumbers = Set(minima.map { $0.point.map { $0.rounded() } })
        #expect(nearestWholeNumbers.count == 121, "one dip each, none found twice")
        for minimum in minima {
            #expect(minimum.point.allSatisfy { abs($0 - $0.rounded()) < 0.05 && abs($0) <= 5.12 }, "\(minimum.point)")
        }
        #expect(minima.dropFirst().map(\.loss) == minima.dropFirst().map(\.loss).sorted(), "lowest first")
    }

    @Test func `dips are labelled to three decimals`() {
        #expect(ClassicFunction.rastrigin.minima[1].label == "(-0.995, 0)")
        #expect(ClassicFunction.ackley.minima.contains { $0.label == "(0, 2.965)" })
    }

    @Test(arguments: ClassicFunction.all)
    func `each documented minimum has its documented loss`(_ function: ClassicFunction) {
        for minimum in function.minima {
            let loss = function.objective.loss(at: minimum.point)
            #expect(abs(loss - minimum.loss) <= 1e-12 * max(1, abs(minimum.loss)),
                    "\(function.name) at \(minimum.point): loss \(loss), documented \(minimum.loss)")
        }
    }

    @Test(arguments: ClassicFunction.all)
    func `the gradient vanishes at each smooth minimum`(_ function: ClassicFunction) {
        for minimum in function.minima {
            let gradient = function.objective.evaluate(at: minimum.point).gradient
            let norm = (gradient[0] * gradient[0] + gradient[1] * gradient[1]).squareRoot()
            if !function.cusps.contains(minimum.point) {
                #expect(norm < 1e-9, "\(function.name) at \(minimum.point): gradient \(gradient)")
            } else {
                // Ackley's cusp: no gradient at the tip (the tape gives NaN, as √ at 0 has none).
                #expect(!norm.isFinite, "\(function.name) at \(minimum.point): gradient \(gradient)")
            }
        }
    }

    @Test(arguments: ClassicFunction.all)
    func `each minimum is lower than every point around it, and the global ones are lowest`(_ function: ClassicFunction) {
        for minimum in function.minima {
            for radius in [1e-4, 1e-2] {
                for k in 0..<16 {
                    let angle = Double(k) * Double.pi / 8
                    let point = [minimum.point[0] + radius * cos(angle), minimum.point[1] + radius * sin(angle)]
                    let loss = function.objective.loss(at: point)
                    #expect(loss > minimum.loss, "\(function.name): \(point) is lower (\(loss)) than \(minimum.point)")
                }
            }
        }
        let global = function.minima.filter(\.isGlobal)
        #expect(!global.isEmpty, "\(function.name) has a global minimum")
        let lowest = function.minima.map(\.loss).min() ?? .nan
        for minimum in global { #expect(minimum.loss == lowest, "\(function.name) at \(minimum.point)") }
        for minimum in function.minima where !minimum.isGlobal {
            #expect(minimum.loss > lowest + 1e-6, "\(function.name): local \(minimum.point) is as low as the global")
        }
    }

    @Test(arguments: ClassicFunction.all)
    func `no point of a grid over the region is below the global minimum`(_ function: ClassicFunction) throws {
        let lowest = try #require(function.globalMinimumLoss)
        let region = function.region
        for i in 0...100 {
            for j in 0...100 {
                let point = [region.horizontal.lowerBound + region.width * Double(i) / 100,
                             region.vertical.lowerBound + region.height * Double(j) / 100]
                let loss = function.objective.loss(at: point)
                #expect(loss >= lowest - 1e-12, "\(function.name) at \(point): \(loss) < \(lowest)")
            }
        }
    }

    @Test(arguments: ClassicFunction.all)
    func `the gradient matches finite differences at seeded points`(_ function: ClassicFunction) {
        let region = function.region
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<30 {
            let point = [Double.random(in: region.horizontal, using: &generator),
                         Double.random(in: region.vertical, using: &generator)]
            let gradient = function.objective.evaluate(at: point).gradient
            let estimate = centralDifferences(of: { function.objective.loss(at: $0) }, at: point)
            let error = GradientCheck.relativeDifference(gradient, estimate)
            #expect(error < 1e-6, "\(function.name) at \(point): backprop \(gradient), finite differences \(estimate)")
        }
    }

    @Test(arguments: ClassicFunction.all)
    func `the scenario starts inside its region, shows its minima and descends without diverging`(
        _ function: ClassicFunction
    ) {
        let scenario = function.scenario()
        #expect(scenario.name == function.name && scenario.title == function.formula)
        #expect(scenario.minima == function.minima)
        #expect(scenario.objective.parameterNames == ["a", "b"])
        #expect(function.region.contains(PlanePoint(u: function.start[0], v: function.start[1])))
        for minimum in function.minima {
            #expect(function.region.contains(PlanePoint(u: minimum.point[0], v: minimum.point[1])),
                    "\(function.name): \(minimum.point) is off the default view")
        }
        var run = scenario.makeRun()
        let startLoss = run.current.loss
        run.step(count: 300)
        #expect(!run.status.hasDiverged, "\(function.name) diverged: \(run.status)")
        #expect(run.current.loss < startLoss, "\(function.name): \(startLoss) → \(run.current.loss)")
    }

    @Test func `descent from the default start reaches the minimum the catalog says`() {
        // The traps are part of the lesson: these land in local minima on purpose.
        let expected: [String: [Double]] = [
            "bowl": [0, 0], "himmelblau": [3, 2], "booth": [1, 3], "three-hump-camel": [1.7475523458302888, -0.8737761729151444],
            "wells": [-1.960667969030787, 1.4705009803178226], "styblinski-tang": [-2.903534027771177, -2.903534027771177],
        ]
        for (name, target) in expected {
            guard let function = ClassicFunction.named(name) else {
                Issue.record("no function \(name)")
                continue
            }
            var run = function.scenario().makeRun()
            run.step(count: 3000)
            let distance = hypot(run.weights[0] - target[0], run.weights[1] - target[1])
            #expect(distance < 1e-4, "\(name) ended at \(run.weights), not \(target)")
        }
    }
}
