import Foundation
import DescentCore
import Testing
import TestSupport

/// L(w, b) = ½[(w + b − 2)² + (3w + b − 4)²]: small enough to step by hand.
let twoPointFit = LinearRegression(data: Dataset(points: [(1, 2), (3, 4)]))

@Suite struct `Optimizers against hand-computed steps` {
    @Test func `the gradient at the origin is what the chain rule gives by hand`() {
        // Residuals −2 and −4: ∂L/∂w = (2·−2·1 + 2·−4·3)/2 = −14, ∂L/∂b = (2·−2 + 2·−4)/2 = −6.
        let evaluation = twoPointFit.evaluate(at: [0, 0])
        #expect(evaluation.loss == 10)
        #expect(evaluation.gradient == [-14, -6])
    }

    @Test func `one gradient descent step moves against the gradient times the learning rate`() {
        var run = TrainingRun(objective: twoPointFit, start: [0, 0],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.1)))
        run.step()
        #expect(zip(run.weights, [1.4, 0.6]).allSatisfy { isClose($0, $1, tolerance: 1e-15) })
    }

    @Test func `a momentum step adds the remembered velocity`() {
        var run = TrainingRun(objective: twoPointFit, start: [0, 0],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.1, momentum: 0.9)))
        run.step()
        // v₁ = g₁ = (−14, −6): the first step equals plain descent.
        #expect(zip(run.weights, [1.4, 0.6]).allSatisfy { isClose($0, $1, tolerance: 1e-15) })
        // At (1.4, 0.6): residuals 0 and 0.8, g₂ = (2.4, 0.8);
        // v₂ = 0.9·(−14, −6) + (2.4, 0.8) = (−10.2, −4.6); w₂ = (1.4, 0.6) − 0.1·v₂ = (2.42, 1.06).
        run.step()
        #expect(zip(run.current.weights, [2.42, 1.06]).allSatisfy { isClose($0, $1, tolerance: 1e-14) },
                "got \(run.weights)")
    }

    @Test func `Nesterov looks ahead along the velocity`() {
        var weights = [0.0, 0.0]
        var optimizer = Optimizer(.nesterov, Hyperparameters(learningRate: 0.1, momentum: 0.9))
        // v₁ = g; w ← w − η(g + μv₁) = −0.1·1.9·g.
        optimizer.update(&weights, along: [-14, -6])
        #expect(zip(weights, [2.66, 1.14]).allSatisfy { isClose($0, $1, tolerance: 1e-14) }, "got \(weights)")
    }

    @Test func `adaptive rules take a first step of about the learning rate per weight`() {
        // AdaGrad: g/√(g²); RMSProp: g/√(0.01g²) = 10·sign(g); Adam: m̂/√v̂ = sign(g).
        for (kind, expected) in [(OptimizerKind.adagrad, 0.1), (.rmsprop, 1.0), (.adam, 0.1)] {
            var weights = [0.0, 0.0]
            var optimizer = Optimizer(kind, Hyperparameters(learningRate: 0.1))
            optimizer.update(&weights, along: [-14, 6])
            #expect(isClose(weights[0], expected, tolerance: 1e-6), "\(kind): \(weights)")
            #expect(isClose(weights[1], -expected, tolerance: 1e-6), "\(kind): \(weights)")
        }
    }

    @Test func `plain descent on a·x² follows (1 − 2aη)^k`() {
        struct Parabola: Objective {
            let parameterNames = ["x"]
            let sampleCount = 0
            func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
                e.scale(e.square(weights[0]), by: 1.5)
            }
        }
        var run = TrainingRun(objective: Parabola(), start: [2],
                              optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.1)))
        run.step(count: 12)
        for record in run.history.records {
            let expected = 2 * pow(1 - 2 * 1.5 * 0.1, Double(record.step))
            #expect(isClose(record.weights[0], expected, tolerance: 1e-13), "step \(record.step)")
        }
    }
}

@Suite struct `Training runs` {
    @Test func `the default scenario converges to the closed-form least-squares line`() throws {
        let scenario = Scenario.mseFit
        let model = try #require(scenario.objective as? LinearRegression)
        let solution = try #require(model.closedFormSolution)
        var run = scenario.makeRun()
        run.step(count: 3000)
        #expect(abs(run.weights[0] - solution[0]) < 1e-8 && abs(run.weights[1] - solution[1]) < 1e-8,
                "ended at \(run.weights), least squares \(solution)")
        #expect(run.status.hasConverged)
    }

    @Test func `the linear model's gradient matches finite differences at seeded points`() {
        let model = Scenario.mseFit.objective
        for point in seededPoints(count: 30, dimension: 2, in: -5...5, seed: 7) {
            let check = GradientCheck(at: point, loss: { model.loss(at: $0) }, gradient: { model.evaluate(at: $0).gradient })
            #expect(check.relativeError < 1e-7, "at \(point): \(check.backpropagated) vs \(check.finiteDifference)")
        }
    }

    @Test func `too large a learning rate diverges and the run says at which step`() {
        var scenario = Scenario.mseFit
        scenario.optimizer.hyperparameters.learningRate = 0.4
        var run = scenario.makeRun()
        run.step(count: 500)
        guard case .diverged(let step) = run.status else {
            Issue.record("expected divergence, got \(run.status)")
            return
        }
        #expect(step < 500)
        #expect(run.stepCount == step, "a diverged run stops where it diverged")
    }

    @Test func `reset returns to the start and keeps the tuned learning rate`() {
        var run = Scenario.mseFit.makeRun()
        run.optimizer.hyperparameters.learningRate = 0.4
        run.step(count: 200)
        #expect(run.status.hasDiverged)
        run.reset()
        #expect(run.stepCount == 0)
        #expect(run.weights == Scenario.mseFit.start)
        #expect(run.status == .running)
        #expect(run.optimizer.hyperparameters.learningRate == 0.4)
    }

    @Test func `the history records the start and every step`() {
        var run = Scenario.mseFit.makeRun()
        run.step(count: 5)
        #expect(run.history.records.map(\.step) == [0, 1, 2, 3, 4, 5])
        let losses = run.history.records.map(\.loss)
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 }, "loss falls every step: \(losses)")
    }
}

@Suite struct `Surface planes` {
    @Test func `projection inverts weights(at:) on a skewed plane`() {
        let plane = SurfacePlane(origin: [1, 2, 3], first: [1, 0, 1], second: [0.5, 1, 0], axisNames: ("u", "v"))
        let point = PlanePoint(u: 0.7, v: -1.3)
        let back = plane.projection(of: plane.weights(at: point))
        #expect(isClose(back.u, 0.7, tolerance: 1e-12) && isClose(back.v, -1.3, tolerance: 1e-12))
    }

    @Test func `a sampled grid puts the largest v in row 0`() {
        let region = ViewRegion(horizontal: 0...4, vertical: 0...2)
        let grid = SurfaceGrid.sample(Scenario.mseFit.objective, on: .identity(names: ["w", "b"]), over: region,
                                      columns: 4, rows: 2)
        #expect(grid.values.count == 8)
        // The grid path may fuse multiply-adds (DESCENT_FMA): equal to the last bits, not bit for bit.
        #expect(isClose(grid[0, 0], Scenario.mseFit.objective.loss(at: [0.5, 1.5]), tolerance: 1e-13))
        #expect(isClose(grid[3, 1], Scenario.mseFit.objective.loss(at: [3.5, 0.5]), tolerance: 1e-13))
        #expect(grid[0, 0] != grid[3, 1] && grid[0, 1] != grid[0, 0], "distinct cells, so the orientation is tested")
    }
}

@Suite struct `Adaptive optimizers against hand-computed steps` {
    // Two updates of one weight with gradients 2 then −1, η = 0.1, worked by hand.

    @Test func `AdaGrad divides by the root of the summed squares`() {
        var optimizer = Optimizer(.adagrad, Hyperparameters(learningRate: 0.1, epsilon: 0))
        var weights = [0.0]
        optimizer.update(&weights, along: [2])      // s = 4:  w = −0.1·2/2 = −0.1
        #expect(weights == [-0.1])
        optimizer.update(&weights, along: [-1])     // s = 5:  w = −0.1 + 0.1/√5
        #expect(isClose(weights[0], -0.1 + 0.1 / 5.0.squareRoot(), tolerance: 1e-16), "got \(weights)")
    }

    @Test func `RMSProp divides by the root of the moving average of squares`() {
        var optimizer = Optimizer(.rmsprop, Hyperparameters(learningRate: 0.1, alpha: 0.5, epsilon: 0))
        var weights = [0.0]
        optimizer.update(&weights, along: [2])      // s = 0.5·4 = 2:  w = −0.2/√2
        #expect(isClose(weights[0], -0.2 / 2.0.squareRoot(), tolerance: 1e-16), "got \(weights)")
        optimizer.update(&weights, along: [-1])     // s = 0.5·2 + 0.5·1 = 1.5:  w += 0.1/√1.5
        #expect(isClose(weights[0], -0.2 / 2.0.squareRoot() + 0.1 / 1.5.squareRoot(), tolerance: 1e-15), "got \(weights)")
    }

    @Test func `RMSProp with momentum accumulates the scaled steps`() {
        var optimizer = Optimizer(.rmsprop, Hyperparameters(learningRate: 0.1, momentum: 0.5, alpha: 0.5, epsilon: 0))
        var weights = [0.0]
        optimizer.update(&weights, along: [2])      // v = 2/√2 = √2:  w = −0.1·√2
        optimizer.update(&weights, along: [-1])     // v = 0.5·√2 − 1/√1.5:  w −= 0.1·v
        let v2 = 0.5 * 2.0.squareRoot() - 1 / 1.5.squareRoot()
        #expect(isClose(weights[0], -0.1 * 2.0.squareRoot() - 0.1 * v2, tolerance: 1e-15), "got \(weights)")
    }

    @Test func `Adam corrects both moments for their bias`() {
        var optimizer = Optimizer(.adam, Hyperparameters(learningRate: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 0))
        var weights = [0.0]
        // t = 1: m = 1, s = 1; m̂ = 1/0.5 = 2, ŝ = 1/0.25 = 4:  w = −0.1·2/2 = −0.1
        optimizer.update(&weights, along: [2])
        #expect(isClose(weights[0], -0.1, tolerance: 1e-16), "got \(weights)")
        // t = 2: m = 0.5 − 0.5 = 0, so the second step is zero whatever s is.
        optimizer.update(&weights, along: [-1])
        #expect(isClose(weights[0], -0.1, tolerance: 1e-16), "got \(weights)")
        // t = 3, g = 4: m = 2, s = 0.75·(0.75 + 0.25) + 0.25·16 = 4.75;
        // m̂ = 2/(1 − 0.125), ŝ = 4.75/(1 − 0.421875):  w −= 0.1·m̂/√ŝ
        optimizer.update(&weights, along: [4])
        let expected = -0.1 - 0.1 * (2 / 0.875) / (4.75 / 0.578125).squareRoot()
        #expect(isClose(weights[0], expected, tolerance: 1e-15), "got \(weights), expected \(expected)")
    }
}
