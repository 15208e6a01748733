import DescentCore
import Testing
import TestSupport

@Suite struct `Scenarios on a typed expression` {
    @Test func `the defaults are the documented view, start and learning rate`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("a^2 + b^2"))
        #expect(scenario.name == "expression" && scenario.title == "a^2 + b^2")
        #expect(scenario.region == ViewRegion(horizontal: -3...3, vertical: -3...3))
        #expect(scenario.start == [-2, 2])
        // ‖∇L(−2, 2)‖ = √32 ≈ 5.66, so 0.1 · 6 / 5.66 ≈ 0.106, capped at 0.1.
        #expect(scenario.optimizer.hyperparameters.learningRate == 0.1)
        #expect(scenario.optimizer.kind == .sgd && scenario.minima.isEmpty)
        #expect(scenario.objective.parameterNames == ["a", "b"])
    }

    @Test func `one weight gives a loss curve with the same defaults along its axis`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("(3*w - 12)^2"))
        #expect(scenario.plane.isLine && scenario.start == [-2])
        #expect(scenario.region.horizontal == -3...3)
        // ‖∇L(−2)‖ = |6 · (−18)| = 108, so 0.1 · 6 / 108 ≈ 0.0056, rounded down to 0.005.
        #expect(scenario.optimizer.hyperparameters.learningRate == 0.005)
        let wide = Scenario.expression(try ExpressionObjective("(3*w - 12)^2"), start: [8])
        #expect(wide.region.horizontal == -3...9 && wide.start == [8])
    }

    @Test func `the title puts named steps on one line`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("c = a + b\nd = b + 1\nf = c * d"))
        #expect(scenario.title == "c = a + b; d = b + 1; f = c * d")
    }

    @Test func `a start outside the default view widens it`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("a * b"), start: [5, -4.5])
        #expect(scenario.region == ViewRegion(horizontal: -3...6, vertical: -5.5...3))
        #expect(scenario.start == [5, -4.5])
    }

    @Test func `a given region places the default start one sixth in from its top-left corner`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("a * b"),
                                           region: ViewRegion(horizontal: 0...12, vertical: -6...0))
        #expect(scenario.start == [2, -1])
    }

    @Test func `the suggested learning rate sizes the first step and rounds down to 1, 2 or 5`() throws {
        let region = ViewRegion(horizontal: -3...3, vertical: -3...3)
        let rosenbrock = try ExpressionObjective("(1 - a)^2 + 100*(b - a^2)^2")
        // ‖∇L(−1.2, 1)‖ ≈ 232.9, so 0.6 / 232.9 ≈ 0.00258, rounded down to 0.002.
        #expect(Scenario.suggestedLearningRate(for: rosenbrock, at: [-1.2, 1], in: region) == 0.002)
        let steep = try ExpressionObjective("40*a + 0*b")
        #expect(Scenario.suggestedLearningRate(for: steep, at: [0, 0], in: region) == 0.01)  // 0.6 / 40 = 0.015
        let flat = try ExpressionObjective("a^2 + b^2")
        #expect(Scenario.suggestedLearningRate(for: flat, at: [0, 0], in: region) == 0.1)  // no gradient at all
        // Plain descent at the suggested rate does not diverge on Rosenbrock.
        var run = Scenario.expression(rosenbrock, start: [-1.2, 1]).makeRun()
        run.step(count: 2000)
        #expect(!run.status.hasDiverged && run.current.loss < 0.1, "\(run.status), loss \(run.current.loss)")
    }
}
