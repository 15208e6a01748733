import DescentCore
import Foundation
import Testing
import TestSupport

/// Himmelblau's function: four global minima, all with loss 0.
struct Himmelblau: Objective {
    let parameterNames = ["a", "b"]
    let sampleCount = 0
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let a = weights[0], b = weights[1]
        let first = e.square(e.shift(e.add(e.multiply(a, a), b), by: -11))
        let second = e.square(e.shift(e.add(a, e.multiply(b, b)), by: -7))
        return e.add(first, second)
    }

    static let minima = [
        [3.0, 2.0], [-2.805118086952745, 3.131312518250573],
        [-3.779310253377747, -3.283185991286170], [3.584428340330492, -1.848126526964404],
    ].map { KnownMinimum(point: $0, loss: 0, isGlobal: true) }

    static var scenario: Scenario {
        Scenario(name: "himmelblau", title: "Himmelblau", lesson: "", objective: Himmelblau(),
                 region: ViewRegion(horizontal: -5...5, vertical: -5...5), start: [0, 0],
                 training: TrainingSettings(optimizer: .sgd, hyperparameters: Hyperparameters(learningRate: 0.01)),
                 minima: minima)
    }
}

/// (a² − 1)² + 0.3·a + b²: a deeper well at a ≈ −1.04 and a shallower one at a ≈ 0.96.
struct TiltedDoubleWell: Objective {
    let parameterNames = ["a", "b"]
    let sampleCount = 0
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let a = weights[0], b = weights[1]
        return e.add(e.add(e.square(e.shift(e.multiply(a, a), by: -1)), e.scale(a, by: 0.3)), e.multiply(b, b))
    }

    /// The wells, found by Newton's method on 4a(a² − 1) + 0.3 = 0.
    static var minima: [KnownMinimum] {
        [-1.0, 1.0].map { guess in
            var a = guess
            for _ in 0..<50 { a -= (4 * a * (a * a - 1) + 0.3) / (12 * a * a - 4) }
            let loss = (a * a - 1) * (a * a - 1) + 0.3 * a
            return KnownMinimum(point: [a, 0], loss: loss, isGlobal: guess < 0, label: guess < 0 ? "deep" : "shallow")
        }
    }

    static var scenario: Scenario {
        Scenario(name: "wells", title: "Two wells", lesson: "", objective: TiltedDoubleWell(),
                 region: ViewRegion(horizontal: -2...2, vertical: -1...1), start: [1.5, 0.5],
                 training: TrainingSettings(optimizer: .sgd, hyperparameters: Hyperparameters(learningRate: 0.02)),
                 minima: minima)
    }
}

@Suite struct `Random restarts` {
    @Test func `restarts are reproducible from the seed`() {
        let scenario = Himmelblau.scenario
        var first = RandomRestarts(scenario: scenario, seed: 99, tolerance: 1e-3)
        var second = RandomRestarts(scenario: scenario, seed: 99, tolerance: 1e-3)
        var other = RandomRestarts(scenario: scenario, seed: 100, tolerance: 1e-3)
        let a = first.runBatch(restarts: 5, steps: 200, objective: scenario.objective, settings: scenario.training)
        let b = second.runBatch(restarts: 5, steps: 200, objective: scenario.objective, settings: scenario.training)
        let c = other.runBatch(restarts: 5, steps: 200, objective: scenario.objective, settings: scenario.training)
        #expect(a == b)
        #expect(a.outcomes.map(\.start) != c.outcomes.map(\.start))
    }

    @Test func `starts are drawn from the whole region and stay inside it`() {
        var restarts = RandomRestarts(scenario: TiltedDoubleWell.scenario, seed: 3)
        let starts = (0..<400).map { _ in restarts.drawStart() }
        #expect(starts.allSatisfy { (-2...2).contains($0[0]) && (-1...1).contains($0[1]) })
        // Each quadrant of the region gets roughly a quarter (binomial sd ≈ 8.7; ±45 is over 5 sd).
        let quadrants = (0..<4).map { q in starts.count { ($0[0] < 0) == (q & 1 == 0) && ($0[1] < 0) == (q & 2 == 0) } }
        #expect(quadrants.allSatisfy { abs($0 - 100) < 45 }, "\(quadrants)")
    }

    @Test func `every restart on Himmelblau ends in one of its four global minima`() {
        let scenario = Himmelblau.scenario
        var restarts = RandomRestarts(scenario: scenario, seed: 7, tolerance: 1e-4)
        let report = restarts.runBatch(restarts: 24, steps: 2000, objective: scenario.objective, settings: scenario.training)
        #expect(report.outcomes.count == 24)
        #expect(report.globalCount == 24 && report.unmatchedCount == 0, "\(report.countsByMinimum)")
        #expect(report.countsByMinimum.reduce(0, +) == 24)
        #expect(report.countsByMinimum.filter { $0 > 0 }.count >= 3, "the starts spread over several minima: \(report.countsByMinimum)")
        for outcome in report.outcomes {
            let minimum = Himmelblau.minima[outcome.minimumIndex ?? 0].point
            #expect(hypot(outcome.end[0] - minimum[0], outcome.end[1] - minimum[1]) <= 1e-4)
        }
    }

    @Test func `a tilted double well traps some restarts in the shallow well and the tally says which`() throws {
        let scenario = TiltedDoubleWell.scenario
        var restarts = RandomRestarts(scenario: scenario, seed: 11, tolerance: 1e-3)
        let report = restarts.runBatch(restarts: 20, steps: 1500, objective: scenario.objective, settings: scenario.training)
        let counts = report.countsByMinimum
        #expect(counts[0] > 0 && counts[1] > 0, "both wells are reached: \(counts)")
        #expect(report.globalCount == counts[0])
        #expect(counts[0] + counts[1] + report.unmatchedCount == 20)
        let best = try #require(report.best as RestartOutcome?)
        #expect(best.minimumIndex == 0, "the best run is in the deep well")
        #expect(report.outcomes.allSatisfy { ($0.minimumIndex == 0) == $0.reachedGlobalMinimum })
    }

    @Test func `a short run ends near no known minimum`() {
        let scenario = TiltedDoubleWell.scenario
        var restarts = RandomRestarts(scenario: scenario, seed: 11, tolerance: 1e-3)
        let report = restarts.runBatch(restarts: 3, steps: 1, objective: scenario.objective, settings: scenario.training)
        #expect(report.unmatchedCount == 3 && report.globalCount == 0)
        #expect(report.outcomes.allSatisfy { $0.minimumIndex == nil && $0.steps == 1 })
    }

    @Test func `a tally counts each restart once: diverged, at a minimum, or stranded`() {
        var scenario = TiltedDoubleWell.scenario
        // From |a| ≈ 4 out, the quartic's gradient throws a step of 0.05 past both wells.
        scenario.region = ViewRegion(horizontal: -6...6, vertical: -1...1)
        var restarts = RandomRestarts(scenario: scenario, seed: 3, tolerance: 1e-3)
        var settings = scenario.training
        settings.hyperparameters.learningRate = 0.05
        let report = restarts.runBatch(restarts: 40, steps: 60, objective: scenario.objective, settings: settings)
        #expect(report.divergedCount > 0 && report.strandedCount > 0, "\(report.outcomes.map(\.status))")
        #expect(report.strandedCount + report.divergedCount + report.countsByMinimum.reduce(0, +) == 40)
        #expect(report.unmatchedCount == report.strandedCount + report.divergedCount)
    }

    /// √|a| + b²: its gradient at its minimum (0, 0) is not finite.
    struct Cusp: Objective {
        let parameterNames = ["a", "b"]
        let sampleCount = 0
        func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
            e.add(e.squareRoot(e.abs(weights[0])), e.square(weights[1]))
        }
    }

    @Test func `a diverged run reached no minimum, even one it stopped on`() {
        let minimum = KnownMinimum(point: [0, 0], loss: 0, isGlobal: true)
        let restarts = RandomRestarts(region: ViewRegion(horizontal: -1...1, vertical: -1...1),
                                      plane: .identity(names: ["a", "b"]),
                                      minima: [minimum], seed: 1)
        let run = TrainingRun(objective: Cusp(), start: [0, 0], optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.1)))
        #expect(run.status.hasDiverged, "the gradient at the cusp is not finite")
        let outcome = restarts.outcome(of: run, index: 0)
        #expect(outcome.minimumIndex == nil && !outcome.reachedGlobalMinimum)
    }

    @Test func `interactive restarts keep the earlier runs and the tuned settings`() {
        let scenario = TiltedDoubleWell.scenario
        var restarts = RandomRestarts(scenario: scenario, seed: 5, tolerance: 1e-3)
        var run = scenario.makeRun()
        run.optimizer.hyperparameters.learningRate = 0.05
        run.step(count: 400)
        let firstEnd = run.weights, firstLoss = run.current.loss
        run = restarts.restart(after: run)
        #expect(run.stepCount == 0 && run.optimizer.hyperparameters.learningRate == 0.05)
        #expect(run.start != scenario.start)
        run.step(count: 400)
        run = restarts.restart(after: run)
        #expect(restarts.earlier.count == 2)
        #expect(restarts.earlier[0].end == firstEnd && restarts.earlier[0].finalLoss == firstLoss)
        #expect(restarts.earlier[0].path.count == 401 && restarts.earlier[0].path.first == scenario.start)
        let lowest = restarts.earlier.map(\.finalLoss).min()
        #expect(restarts.best?.finalLoss == lowest)
    }

    @Test func `mini-batch restarts each get their own batch order`() {
        var restarts = RandomRestarts(scenario: Scenario.mseFit, seed: 2)
        var settings = Scenario.mseFit.training
        settings.batchSize = .minibatch(3)
        let report = restarts.runBatch(restarts: 3, steps: 10, objective: Scenario.mseFit.objective, settings: settings)
        #expect(Set(report.outcomes.map(\.seed)).count == 3)
    }
}
