import DescentCore
import DescentUI
import Testing

/// A double-well landscape with a known global and local minimum, for restarts.
struct DoubleWell: Objective {
    let parameterNames = ["u", "v"]
    let sampleCount = 0
    // (u² − 1)² + 0.3u + v²: global minimum near u = −1.04, local near u = 0.96.
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let u = weights[0], v = weights[1]
        let well = e.square(e.shift(e.square(u), by: -1))
        return e.add(e.add(well, e.scale(u, by: 0.3)), e.square(v))
    }
}

func doubleWellScenario() -> Scenario {
    let objective = DoubleWell()
    func minimum(near u: Double) -> [Double] {
        var run = TrainingRun(objective: objective, start: [u, 0], optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.05)))
        run.step(count: 2000)
        return run.weights
    }
    let global = minimum(near: -1), local = minimum(near: 1)
    return Scenario(name: "wells", title: "two wells", lesson: "", objective: objective,
                    region: ViewRegion(horizontal: -2...2, vertical: -1...1), start: [1.5, 0.5],
                    optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.05)),
                    minima: [KnownMinimum(point: global, loss: objective.loss(at: global), isGlobal: true),
                             KnownMinimum(point: local, loss: objective.loss(at: local), isGlobal: false)])
}

@Suite struct `Training controls in the explorer` {
    func typing(_ text: String, into state: inout ExplorerState) {
        state.handle(.character(":"))
        for character in text { state.handle(.character(character)) }
        state.handle(.enter)
    }

    @Test func `o cycles the optimizer and keeps the run going`() {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.character("o"))
        #expect(state.run.optimizer.kind == .momentum)
        #expect(state.run.optimizer.hyperparameters.momentum == 0.9)
        state.handle(.space)
        #expect(state.run.stepCount == 11)
        typing("optimizer adam", into: &state)
        #expect(state.run.optimizer.kind == .adam)
        #expect(ExplorerRenderer.render(state).text.contains("optimizer Adam"))
    }

    @Test func `b cycles full batch, mini-batch and stochastic, and the panel says which`() {
        var state = explorer()
        state.handle(.character("b"))
        #expect(state.run.batchSize == .minibatch(2))
        state.handle(.character("n"))
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("batch 2 of 8 samples"))
        #expect(text.contains("batch loss"))
        #expect(text.contains("epoch"))
        state.handle(.character("b"))
        #expect(state.run.batchSize == .stochastic)
        state.handle(.character("b"))
        #expect(state.run.batchSize == .full)
        typing("batch 3", into: &state)
        #expect(state.run.batchSize == .minibatch(3))
    }

    @Test func `with one sample, b says full batch and stochastic are the same, and :batch 1 still works`() throws {
        let oneWeight = try #require(try Presets.scenario(named: "one-weight"))
        var state = ExplorerState(scenario: oneWeight, size: TerminalSize(columns: 100, rows: 30))
        #expect(state.run.objective.sampleCount == 1)
        state.handle(.character("b"))
        #expect(state.run.batchSize == .full)
        #expect(state.message == "One sample: full batch and stochastic are the same here; every step uses it.")
        typing("batch 1", into: &state)
        #expect(state.run.batchSize == .stochastic)
        typing("batch full", into: &state)
        #expect(state.message == "Full batch: every step's gradient uses the one sample.")
    }

    @Test func `a formula has no batches to choose`() {
        var state = ExplorerState(scenario: doubleWellScenario(), size: TerminalSize(columns: 100, rows: 30))
        state.handle(.character("b"))
        #expect(state.run.batchSize == .full)
        #expect(state.message?.contains("no samples") == true)
    }

    @Test func `:schedule and :clip change how the next steps are taken`() {
        var state = explorer()
        typing("schedule step:2:0.5", into: &state)
        state.handle(.character("n"))
        #expect(state.run.current.learningRate == 0.05 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5)
        #expect(ExplorerRenderer.render(state).text.contains("schedule step:2:0.5 →"))
        typing("clip 0.5", into: &state)
        #expect(state.run.gradientClipping == 0.5)
        typing("schedule stp:2:0.5", into: &state)
        #expect(state.message?.contains("did you mean 'step'") == true)
    }

    @Test func `u rewinds exactly, so stepping again retraces the same path`() {
        var state = explorer()
        state.handle(.character("b"))
        state.handle(.character("n"))
        let after10 = state.run.current
        state.handle(.character("U"))
        #expect(state.run.stepCount == 0)
        state.handle(.character("n"))
        #expect(state.run.current == after10, "same weights, loss and gradient bits")
        state.handle(.character("u"))
        #expect(state.run.stepCount == 9)
    }

    @Test func `r restarts from a random start and keeps the earlier run on the map`() throws {
        var state = ExplorerState(scenario: doubleWellScenario(), size: TerminalSize(columns: 100, rows: 30))
        state.apply(.step(count: 100))
        state.handle(.character("r"))
        #expect(state.run.stepCount == 0)
        #expect(state.run.start != doubleWellScenario().start)
        #expect(state.restarts?.earlier.count == 1)
        state.sampleSurfaceNow()
        let buffer = ExplorerRenderer.render(state)
        let map = try #require(state.layout).surfaceMap
        var ghostCells = 0
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX where buffer[column, row].style.foreground == .dim
                && (0x2801...0x28FF).contains(buffer[column, row].scalar.value) {
                ghostCells += 1
            }
        }
        #expect(ghostCells > 3, "the earlier path is drawn dim")
        #expect(buffer.text.contains("restarts 1 drawn"))
    }

    @Test func `:restarts tallies which minimum each run reached`() {
        var state = ExplorerState(scenario: doubleWellScenario(), size: TerminalSize(columns: 100, rows: 30))
        typing("restarts 20 400", into: &state)
        #expect(state.isRunningRestarts, "restarts run off the input thread")
        #expect(ExplorerRenderer.render(state).text.contains("restarts running"))
        state.settle()
        #expect(!state.isRunningRestarts)
        let message = state.message ?? ""
        let report = state.restarts?.earlier ?? []
        let global = report.count(where: \.reachedGlobalMinimum)
        let local = report.count { $0.minimumIndex == 1 }
        #expect(message.hasPrefix("20 restarts of 400 steps: \(global) reached the global minimum, \(local) a local one, "
                                  + "\(20 - global - local) none; best loss "), "\(message)")
        #expect(report.count == 20)
        #expect(report.contains { $0.reachedGlobalMinimum }, "some restart finds the global well")
        #expect(report.contains { !$0.reachedGlobalMinimum && $0.minimumIndex == 1 }, "some stay in the local well")
    }
}

@Suite struct `The restart tally in words` {
    func tally(_ scenario: Scenario, _ command: String) -> String {
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 120, rows: 36))
        state.handle(.character(":"))
        for character in command { state.handle(.character(character)) }
        state.handle(.enter)
        state.settle()
        return state.message ?? ""
    }

    @Test func `several global minima are counted as a global one, with how many different were found`() throws {
        let message = tally(try #require(try Presets.scenario(named: "himmelblau")), "restarts 30 300")
        #expect(message == "30 restarts of 300 steps: 30 reached a global minimum (4 different), 0 none; best loss 0.")
    }

    @Test func `an egg box says how many different dips held its restarts`() throws {
        let message = tally(try #require(try Presets.scenario(named: "rastrigin")), "restarts 30 300")
        #expect(message.contains(" a local one (") && message.contains(" different), 0 none; best loss "), "\(message)")
    }

    @Test func `a loss without known minima is not tallied as 0 reaching the global one`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("a^2 + b^2"), start: nil)
        let message = tally(scenario, "restarts 5")
        #expect(message.hasPrefix("5 restarts of 200 steps (no known minimum to count them against); best loss "), "\(message)")
    }
}

@Suite struct `Every hyperparameter from the command line` {
    func typing(_ text: String, into state: inout ExplorerState) {
        state.handle(.character(":"))
        for character in text { state.handle(.character(character)) }
        state.handle(.enter)
    }

    @Test func `:beta1 :beta2 :alpha :eps set the active run's knobs, and say who reads them`() {
        var state = explorer()
        typing("optimizer adam", into: &state)
        typing("beta1 0.8", into: &state)
        typing("beta2 0.99", into: &state)
        typing("eps 1e-6", into: &state)
        typing("alpha 0.9", into: &state)
        let knobs = state.run.optimizer.hyperparameters
        #expect(knobs.beta1 == 0.8 && knobs.beta2 == 0.99 && knobs.epsilon == 1e-6 && knobs.alpha == 0.9)
        #expect(state.message == "alpha 0.9 from the next step on (only RMSProp uses it).")
        typing("beta1 1", into: &state)
        #expect(state.message?.contains("beta1 must be at least 0 and below 1") == true)
        typing("eps 0", into: &state)
        #expect(state.message?.contains("eps must be a number > 0") == true)
        #expect(state.run.optimizer.hyperparameters.epsilon == 1e-6, "a refused ε leaves the one in use")
    }

    @Test func `:seed starts over with a new batch order`() {
        var state = explorer()
        state.handle(.character("b"))
        state.handle(.character("n"))
        let before = state.run.current.weights
        typing("seed 99", into: &state)
        #expect(state.run.stepCount == 0)
        #expect(state.run.seed == 99)
        state.handle(.character("n"))
        #expect(state.run.current.weights != before, "another batch order takes another path")
    }

    @Test func `the restarts summary counts each run once, the diverged ones apart`() throws {
        var scenario = doubleWellScenario()
        // From |u| ≈ 4 out, the quartic's gradient throws a step of 0.05 past both wells.
        scenario.region = ViewRegion(horizontal: -6...6, vertical: -1...1)
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 100, rows: 30))
        typing("tolerance 0.001", into: &state)
        typing("restarts 40 60", into: &state)
        state.settle()
        let message = state.message ?? ""
        #expect(message.contains(" diverged"), "\(message)")
        let tally = try #require(message.split(separator: ":").dropFirst().first?.split(separator: ";").first)
        let parts = tally.matches(of: /(\d+)\s/).compactMap { Int($0.1) }
        #expect(parts.count == 4 && parts.reduce(0, +) == 40, "\(message)")
    }

    @Test func `:tolerance changes what counts as reaching a minimum`() {
        var state = ExplorerState(scenario: doubleWellScenario(), size: TerminalSize(columns: 100, rows: 30))
        typing("tolerance 0.5", into: &state)
        state.handle(.character("r"))
        #expect(state.restarts?.tolerance == 0.5)
    }

    @Test func `the restarts row counts the run on screen when it is the best`() {
        var state = ExplorerState(scenario: doubleWellScenario(), size: TerminalSize(columns: 100, rows: 30))
        state.handle(.character("r"))
        state.apply(.step(count: 500))
        let summary = state.restartSummary ?? ""
        let best = min(state.restarts?.best?.finalLoss ?? .infinity, state.run.current.loss)
        #expect(summary.contains("best \(Format.number(best))"), "\(summary)")
    }
}
