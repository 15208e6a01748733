import DescentCore
import DescentUI
import Testing

/// The seed's one-weight example: prediction = w · 3, truth 12, squared error.
struct SeedOneWeight: Objective {
    let parameterNames = ["w"]
    let sampleCount = 0
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        e.square(e.shift(e.scale(weights[0], by: 3), by: -12))
    }
}

func oneWeightScenario(learningRate: Double) -> Scenario {
    Scenario(name: "seed", title: "one weight", lesson: "w = truth / input = 4", objective: SeedOneWeight(),
             region: ViewRegion(horizontal: -1...9, vertical: 0...1), start: [0],
             optimizer: Optimizer(.sgd, Hyperparameters(learningRate: learningRate)),
             minima: [KnownMinimum(point: [4], loss: 0, isGlobal: true)])
}

@Suite struct `A one-weight model is drawn as a loss curve` {
    func render(_ scenario: Scenario, steps: Int) -> (ExplorerState, ScreenBuffer) {
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 100, rows: 30))
        state.apply(.step(count: steps))
        state.sampleSurfaceNow()
        return (state, ExplorerRenderer.render(state))
    }

    @Test func `a one-weight scenario uses a line, not a plane`() {
        #expect(oneWeightScenario(learningRate: 0.01).plane.isLine)
        #expect(!Scenario.mseFit.plane.isLine)
    }

    @Test func `the curve, the path and the markers are drawn`() throws {
        let (state, buffer) = render(oneWeightScenario(learningRate: 0.02), steps: 5)
        let map = try #require(state.layout).surfaceMap
        var scalars: [Unicode.Scalar] = []
        var roles: [ColorRole] = []
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX {
                scalars.append(buffer[column, row].scalar)
                roles.append(buffer[column, row].style.foreground)
            }
        }
        #expect(scalars.contains("○") && scalars.contains("●") && scalars.contains("◆"))
        #expect(roles.filter { $0 == .lossCurve }.count > 20, "the loss curve")
        #expect(roles.filter { $0 == .path }.count >= 3, "the descent path")
        #expect(buffer.text.contains("w -1 to 9"))
        #expect(buffer.text.contains("gradient w"))
    }

    @Test func `descent on the seed example approaches w = 4`() {
        let (state, buffer) = render(oneWeightScenario(learningRate: 0.02), steps: 60)
        #expect(abs(state.run.weights[0] - 4) < 1e-3)
        #expect(buffer.text.contains("w 4"))
    }

    @Test func `an overshooting rate zig-zags across the minimum`() {
        // L'' = 18, so η = 0.1 gives w − 4 ← (1 − 1.8)(w − 4): it alternates sides.
        let (state, _) = render(oneWeightScenario(learningRate: 0.1), steps: 6)
        let sides = state.run.history.records.map { $0.weights[0] > 4 }
        #expect(sides == [false, true, false, true, false, true, false])
    }
}
