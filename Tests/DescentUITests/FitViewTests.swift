import DescentCore
import DescentUI
import Testing

func xorScenario() throws -> Scenario {
    let model = MultilayerPerceptron(data: .xor(count: 60, seed: 3), hiddenSizes: [4], activation: .tanh,
                                     loss: .binaryCrossEntropy)
    let start = model.initialWeights(seed: 1)
    let plane = try #require(SurfacePlane.filterNormalised(of: model, through: start, seed: 2))
    return Scenario(name: "xor", title: "a tiny MLP on XOR", lesson: "", objective: model, plane: plane,
                    region: ViewRegion(horizontal: -2...2, vertical: -2...2), start: start,
                    optimizer: Optimizer(.adam, Hyperparameters(learningRate: 0.05)))
}

@Suite struct `The data view shows the forward pass and the loss` {
    @Test func `one feature: points, the prediction line and red residuals`() throws {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.character("d"))
        #expect(state.isShowingFit)
        let buffer = ExplorerRenderer.render(state)
        let map = try #require(state.layout).surface
        var points = 0, residuals = 0, curve = 0
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX {
                let cell = buffer[column, row]
                if cell.scalar == "●" && cell.style.foreground == .dataPoint { points += 1 }
                if cell.style.foreground == .residual { residuals += 1 }
                if cell.style.foreground == .path { curve += 1 }
            }
        }
        #expect(points == Scenario.mseFit.objective.sampleCount)
        #expect(residuals > 10)
        #expect(curve > 20)
        #expect(buffer.text.contains("mean squared error 2.627"))
    }

    @Test func `two features: the classifier's output shaded under the samples`() throws {
        var state = ExplorerState(scenario: try xorScenario(), size: TerminalSize(columns: 100, rows: 30))
        state.handle(.character("d"))
        let buffer = ExplorerRenderer.render(state)
        let map = try #require(state.layout).surface
        var shades = Set<Int>(), classOne = 0, classZero = 0
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX {
                let cell = buffer[column, row]
                if case .decision(let level) = cell.style.background { shades.insert(level) }
                if cell.scalar == "●" { classOne += 1 }
                if cell.scalar == "○" { classZero += 1 }
            }
        }
        #expect(shades.count >= 2, "the output varies over the plane")
        #expect(classOne > 5 && classZero > 5)
        #expect(buffer.text.contains("classified right"))
    }

    @Test func `training the classifier gets more samples right`() throws {
        let scenario = try xorScenario()
        let model = try #require(scenario.objective as? MultilayerPerceptron)
        func correct(_ weights: [Double]) -> Int {
            (0..<model.data.count).filter { i in
                let p = model.prediction(at: weights, features: [model.data.feature(i, 0), model.data.feature(i, 1)])
                return (p >= 0.5) == (model.data.targets[i] >= 0.5)
            }.count
        }
        var run = scenario.makeRun()
        let before = correct(run.weights)
        run.step(count: 300)
        #expect(correct(run.weights) > before)
        #expect(correct(run.weights) >= model.data.count * 9 / 10, "XOR is learnt")
    }

    @Test func `a formula has no data to show, and says so`() {
        var (state, _) = seedGraphState(keys: [])
        state.handle(.character("d"))
        #expect(!state.isShowingFit)
        #expect(state.message?.contains("no data to show") == true)
    }
}
