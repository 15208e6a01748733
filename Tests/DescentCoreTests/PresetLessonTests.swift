import DescentCore
import Testing
import TestSupport

// Every preset exists to show one thing. Each test here runs a preset
// headless with its own settings and checks that the thing happens, so a
// preset whose lesson stops happening (after a change to an optimizer, a
// model or the file) fails CI.

/// The preset `name`, loaded from its embedded file.
func preset(_ name: String) throws -> Scenario {
    try #require(try Presets.scenario(named: name), "no preset \(name)")
}

/// `run` after `steps` more steps (or until it diverges).
func stepped(_ run: TrainingRun, _ steps: Int) -> TrainingRun {
    var run = run
    run.step(count: steps)
    return run
}

/// The first step at which `goal`'s condition holds, looking up to `limit`
/// steps (the goal's budget aside); nil if it never does.
func stepsToMeet(_ goal: Goal, _ run: TrainingRun, limit: Int) -> Int? {
    var run = run
    while true {
        if goal.isMet(by: run.current) { return run.stepCount }
        guard run.stepCount < limit, !run.status.hasDiverged else { return nil }
        run.step()
    }
}

/// The length of a run's path over its first `steps` steps (Euclidean, in weight space).
func pathLength(_ run: TrainingRun, steps: Int) -> Double {
    var run = run, length = 0.0
    for _ in 0..<steps {
        let before = run.weights
        run.step()
        length += distance(before, run.weights)
    }
    return length
}

func distance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
}

/// R seeded restarts of the scenario's own restart settings, as the explorer's
/// `:restarts` and `descent run --restarts` run them.
func restartReport(_ scenario: Scenario) throws -> RestartReport {
    let settings = try #require(scenario.restarts, "\(scenario.name) suggests no restarts")
    var restarts = RandomRestarts(scenario: scenario, seed: scenario.training.seed, tolerance: settings.tolerance)
    return restarts.runBatch(restarts: settings.count, steps: settings.steps, objective: scenario.objective,
                             settings: scenario.training)
}

@Suite struct `Every preset proves its lesson` {
    @Test func `one-weight: descent closes 36% of the gap to the closed form w = 12 / 3 = 4 at every step`() throws {
        let scenario = try preset("one-weight")
        #expect(scenario.objective.parameterNames == ["w"] && scenario.plane.isLine)
        #expect(scenario.globalMinimum?.point == [4])
        var run = scenario.makeRun()
        for step in 1...30 {
            let gap = run.weights[0] - 4
            run.step()
            #expect(isClose(run.weights[0] - 4, 0.64 * gap, tolerance: 1e-12), "step \(step)")
        }
        #expect(abs(run.weights[0] - 4) < 1e-4)
    }

    @Test func `mse-fit: descent walks to the least-squares line that is marked`() throws {
        let scenario = try preset("mse-fit")
        let model = try #require(scenario.objective as? LinearRegression)
        let solution = try #require(model.closedFormSolution)
        #expect(scenario.globalMinimum?.point == solution)
        let run = stepped(scenario.makeRun(), 2000)
        #expect(distance(run.weights, solution) < 1e-3, "ended at \(run.weights), least squares \(solution)")
    }

    @Test func `chain-rule: at (2, 1) the graph holds c = 3, d = 2, f = 6 and b's adjoint is the sum of its two paths`() throws {
        let scenario = try preset("chain-rule")
        let objective = try #require(scenario.objective as? ExpressionObjective)
        #expect(objective.statements.map(\.name) == ["c", "d", "f", "loss"])
        #expect(scenario.start == [2, 1])
        var tape = Tape()
        let (loss, weights) = objective.record(at: scenario.start, on: &tape)
        tape.backward(from: loss)
        let named = Dictionary(tape.nodes.compactMap { node in node.name.map { ($0, node) } }, uniquingKeysWith: { a, _ in a })
        #expect(named["c"]?.value == 3 && named["d"]?.value == 2 && named["f"]?.value == 6 && named["loss"]?.value == 36)
        // ∂loss/∂f = 2f = 12; ∂f/∂c = d, ∂f/∂d = c; b feeds both c and d.
        #expect(named["c"]?.adjoint == 24 && named["d"]?.adjoint == 36)
        #expect(tape.graphNode(weights[0]).adjoint == 24)
        let bAdjoint = try #require(tape.graphNode(weights[1]).adjoint)
        #expect(bAdjoint == 24 + 36, "the sum rule: through c and through d; got \(bAdjoint.bitPattern)")
        #expect(tape.edges.filter { $0.parent == weights[1] }.count == 2)
        let run = stepped(scenario.makeRun(), 100)
        #expect(run.current.loss < 0.01, "descent finds a minimum of f²")
    }

    @Test func `learning rates: too small crawls, just right converges, too large oscillates and diverges`() throws {
        let small = try preset("lr-too-small"), right = try preset("lr-just-right"), large = try preset("lr-too-large")
        for scenario in [small, large] {
            #expect((scenario.objective as? ExpressionObjective)?.source == (right.objective as? ExpressionObjective)?.source)
            #expect(scenario.start == right.start && scenario.region == right.region)
        }
        #expect(small.optimizer.hyperparameters.learningRate < right.optimizer.hyperparameters.learningRate)
        #expect(right.optimizer.hyperparameters.learningRate < large.optimizer.hyperparameters.learningRate)

        let goal = try #require(right.goal)
        let rightSteps = try #require(stepsToMeet(goal, right.makeRun(), limit: goal.steps))
        let crawl = stepped(small.makeRun(), rightSteps)
        #expect(distance(crawl.weights, [0, 0]) > 0.5 * distance(small.start, [0, 0]),
                "after \(rightSteps) steps too small a rate is still far: \(crawl.weights)")

        var run = large.makeRun()
        var bs = [run.weights[1]]
        for _ in 0..<6 {
            run.step()
            bs.append(run.weights[1])
        }
        for (earlier, later) in zip(bs, bs.dropFirst()) {
            #expect(earlier * later < 0 && abs(later) > abs(earlier), "b zig-zags wider: \(bs)")
        }
        run.step(count: 200)
        #expect(run.status.hasDiverged)
        #expect(stepped(right.makeRun(), 200).status.hasConverged || distance(stepped(right.makeRun(), 200).weights, [0, 0]) < 1e-9)
    }

    @Test func `lr-decay: the starting rate alone diverges; decayed, it overshoots first and then settles`() throws {
        let scenario = try preset("lr-decay")
        guard case .exponential(let factor) = scenario.training.schedule, factor < 1 else {
            Issue.record("lr-decay should decay exponentially, has \(scenario.training.schedule)")
            return
        }
        var constant = scenario
        constant.training.schedule = .constant
        #expect(stepped(constant.makeRun(), 300).status.hasDiverged)
        let run = scenario.makeRun()
        let early = stepped(run, 2)
        #expect(abs(early.weights[1]) > abs(run.weights[1]), "the first steps overshoot: b \(run.weights[1]) → \(early.weights[1])")
        let goal = try #require(scenario.goal)
        #expect(goal.status(of: stepped(run, goal.steps)).isReached)
    }

    @Test func `ravine: without momentum it takes at least twice the steps it takes with 0.9`() throws {
        let scenario = try preset("ravine")
        #expect(scenario.race.map(\.kind) == [.sgd, .momentum])
        #expect(scenario.race.map(\.hyperparameters.momentum) == [0, 0.9])
        #expect(scenario.race[0].hyperparameters.learningRate == scenario.race[1].hyperparameters.learningRate)
        let goal = try #require(scenario.goal)
        let runs = scenario.makeRuns()
        let plain = try #require(stepsToMeet(goal, runs[0], limit: 20 * goal.steps))
        let momentum = try #require(stepsToMeet(goal, runs[1], limit: goal.steps))
        #expect(plain >= 2 * momentum, "plain \(plain) steps, momentum \(momentum)")
    }

    @Test func `batch-size: full batch, a mini-batch and stochastic descent take ever longer, noisier paths`() throws {
        let scenario = try preset("batch-size")
        #expect(scenario.raceLabels == ["full batch", "batch 8", "stochastic"])
        let runs = scenario.makeRuns()
        let lengths = runs.map { pathLength($0, steps: 200) }
        #expect(lengths[0] < lengths[1] && lengths[1] < lengths[2], "path lengths \(lengths)")
        #expect(lengths[2] > 3 * lengths[0])
        let ends = runs.map { stepped($0, 300).weights }
        let minimum = try #require(scenario.globalMinimum).point
        #expect(distance(ends[0], minimum) < 1e-3, "full batch settles at the least-squares fit")
        #expect(distance(ends[2], minimum) > distance(ends[0], minimum), "stochastic descent does not settle")
    }

    @Test func `local-minima: plain descent is trapped in a local minimum; 20 seeded restarts find the global one`() throws {
        let scenario = try preset("local-minima")
        let end = stepped(scenario.makeRun(), 500).weights
        let trap = try #require(scenario.minima.first { distance($0.point, end) < 0.01 }, "ended at \(end), near no minimum")
        #expect(!trap.isGlobal)
        let report = try restartReport(scenario)
        #expect(report.outcomes.count == 20)
        #expect(report.globalCount >= 1, "no restart of 20 reached the global minimum: \(report.countsByMinimum)")
    }

    @Test func `optimizer-race: SGD, momentum, RMSProp and Adam take different paths; momentum and Adam arrive, SGD does not`() throws {
        let scenario = try preset("optimizer-race")
        #expect(scenario.race.map(\.kind) == [.sgd, .momentum, .rmsprop, .adam])
        let goal = try #require(scenario.goal)
        let ends = scenario.makeRuns().map { stepped($0, goal.steps) }
        let statuses = ends.map { goal.status(of: $0) }
        #expect(!statuses[0].isReached && statuses[1].isReached && statuses[3].isReached, "\(statuses)")
        for i in ends.indices {
            for j in ends.indices where j > i {
                #expect(distance(stepped(scenario.makeRuns()[i], 50).weights, stepped(scenario.makeRuns()[j], 50).weights) > 0.05,
                        "\(scenario.raceLabels[i]) and \(scenario.raceLabels[j]) take the same path")
            }
        }
    }

    @Test func `rosenbrock: plain descent falls to the valley floor in ten steps and needs thousands to reach (1, 1)`() throws {
        let scenario = try preset("rosenbrock")
        let run = scenario.makeRun()
        #expect(stepped(run, 10).current.loss < run.current.loss / 4)
        let goal = try #require(scenario.goal)
        let steps = try #require(stepsToMeet(goal, scenario.makeRun(), limit: goal.steps))
        #expect(steps > 1000, "reached (1, 1) in only \(steps) steps")
    }

    @Test func `himmelblau: descent ends in one of four equal minima, and restarts find all four`() throws {
        let scenario = try preset("himmelblau")
        #expect(scenario.minima.count == 4 && scenario.minima.allSatisfy(\.isGlobal))
        let end = stepped(scenario.makeRun(), 200).weights
        #expect(scenario.minima.contains { distance($0.point, end) < 1e-6 })
        let report = try restartReport(scenario)
        #expect(report.countsByMinimum.allSatisfy { $0 > 0 }, "restarts reached \(report.countsByMinimum)")
    }

    @Test func `saddle: descent slows to a crawl at the saddle, then escapes into a valley`() throws {
        let scenario = try preset("saddle")
        var run = scenario.makeRun()
        var stepsNearSaddle = 0
        for _ in 0..<150 {
            run.step()
            if distance(run.weights, [0, 0]) < 0.1 { stepsNearSaddle += 1 }
        }
        #expect(stepsNearSaddle >= 10, "only \(stepsNearSaddle) steps near the saddle")
        #expect(abs(abs(run.weights[1]) - 1) < 1e-3 && abs(run.weights[0]) < 1e-3, "ended at \(run.weights)")
    }

    @Test func `rastrigin: descent stops in the nearest dip; only a few restarts reach the global minimum`() throws {
        let scenario = try preset("rastrigin")
        let end = stepped(scenario.makeRun(), 300)
        #expect(end.current.loss > 0.9 && end.current.gradientNorm < 1e-6, "ended at \(end.weights)")
        let dip = scenario.minima.first { zip($0.point, end.weights).allSatisfy { abs($0 - $1) < 1e-6 } }
        #expect(dip?.isGlobal == false, "the nearest dip is a known local minimum: \(end.weights)")
        let report = try restartReport(scenario)
        #expect(report.globalCount >= 1 && report.globalCount * 5 <= report.outcomes.count,
                "\(report.globalCount) of \(report.outcomes.count) restarts reached (0, 0)")
        #expect(report.unmatchedCount == 0, "every restart settles in some known dip")
    }

    @Test func `beale: Adam reaches the valley's end in fewer steps than plain descent`() throws {
        let scenario = try preset("beale")
        #expect(scenario.race.map(\.kind) == [.sgd, .adam])
        let goal = try #require(scenario.goal)
        let runs = scenario.makeRuns()
        let sgd = try #require(stepsToMeet(goal, runs[0], limit: goal.steps))
        let adam = try #require(stepsToMeet(goal, runs[1], limit: goal.steps))
        #expect(adam * 2 <= sgd, "Adam \(adam) steps, SGD \(sgd)")
    }

    @Test func `neuron: the saturated sigmoid sits on a plateau, then drops`() throws {
        let scenario = try preset("neuron")
        let run = scenario.makeRun()
        let plateau = stepped(run, 200)
        #expect(plateau.current.loss > 0.99 * run.current.loss, "loss \(run.current.loss) → \(plateau.current.loss) in 200 steps")
        #expect(run.current.gradientNorm < 0.05)
        let goal = try #require(scenario.goal)
        #expect(goal.status(of: stepped(run, goal.steps)).isReached)
    }

    @Test func `tiny-mlp: the network separates XOR, which no straight line can`() throws {
        let scenario = try preset("tiny-mlp")
        let network = try #require(scenario.objective as? MultilayerPerceptron)
        #expect(network.hiddenSizes == [4] && network.lossFunction == .binaryCrossEntropy)
        #expect(scenario.plane.axisNames == SurfacePlane.randomDirectionAxisNames)
        let goal = try #require(scenario.goal)
        #expect(goal.status(of: stepped(scenario.makeRun(), goal.steps)).isReached)
        let line = MultilayerPerceptron(data: network.data, hiddenSizes: [], loss: .binaryCrossEntropy)
        let logistic = stepped(TrainingRun(objective: line, start: line.initialWeights(seed: 1),
                                           settings: scenario.training), goal.steps)
        #expect(logistic.current.loss > 0.6, "a straight line reached loss \(logistic.current.loss) on XOR")
    }

    @Test(arguments: Presets.names)
    func `each goal is reachable with the preset's own settings`(name: String) throws {
        let scenario = try preset(name)
        let goal = try #require(scenario.goal, "\(name) has no goal")
        var statuses = scenario.makeRuns().map { goal.status(of: stepped($0, goal.steps)) }
        if let settings = scenario.restarts {
            var restarts = RandomRestarts(scenario: scenario, seed: scenario.training.seed, tolerance: settings.tolerance)
            for _ in 0..<settings.count {
                statuses.append(goal.status(of: stepped(scenario.makeRun(from: restarts.drawStart()), goal.steps)))
            }
        }
        #expect(statuses.contains { $0.isReached }, "\(name): \(statuses.map { $0.summary(for: goal) })")
    }
}
