import DescentCore
import DescentUI
import Testing

/// The seed's graph: c = a + b, d = b + 1, f = c·d (plus f² so descent has a minimum).
struct SeedGraph: Objective {
    let parameterNames = ["a", "b"]
    let sampleCount = 0
    func loss<E: ScalarEvaluator>(_ weights: [E.Value], batch: Batch, in e: inout E) -> E.Value {
        let c = e.add(weights[0], weights[1])
        let d = e.shift(weights[1], by: 1)
        return e.multiply(c, d)
    }
}

func seedGraphState(keys: [Key]) -> (ExplorerState, ScreenBuffer) {
    let scenario = Scenario(name: "chain", title: "chain rule", lesson: "", objective: SeedGraph(),
                            region: ViewRegion(horizontal: -3...3, vertical: -3...3), start: [2, 1],
                            optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.01)))
    var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 110, rows: 34))
    for key in keys { state.handle(key) }
    state.sampleSurfaceNow()
    return (state, ExplorerRenderer.render(state))
}

@Suite struct `The graph view shows the chain rule at work` {
    @Test func `g shows every node with its value and adjoint, and the sum rule's two terms for b`() {
        let (state, buffer) = seedGraphState(keys: [.character("g")])
        #expect(state.isShowingGraph)
        let text = buffer.text
        #expect(text.contains("5 nodes"))
        #expect(text.contains("all 5 edges, each once"))
        // b feeds two nodes: its adjoint 5 is 3·1 (through d) + 2·1 (through c).
        let bRow = buffer.lines.first { $0.contains(" b ") && $0.contains("3·1 + 2·1") }
        #expect(bRow != nil, "b's row shows both terms:\n\(text)")
        #expect(text.contains("loss = n3 × n4"), "the output, named loss, is the product")
    }

    @Test func `the diagram draws each node with its value and adjoint`() {
        let (_, buffer) = seedGraphState(keys: [.character("g")])
        let text = buffer.text
        for label in ["a = 2", "b = 1", "loss = 6", "∂ 5", "∂ 2", "×3"] {
            #expect(text.contains(label), "diagram misses \(label)")
        }
    }

    @Test func `e replays the backward pass one edge at a time`() {
        let (state, buffer) = seedGraphState(keys: [.character("g"), .character("e"), .character("e"), .character("e")])
        #expect(state.backwardStepsShown == 3)
        #expect(buffer.text.contains("edge 3 of 5"))
        // The third edge is d → b: ∂/∂b += 3 · 1.
        #expect(buffer.text.contains("∂loss/∂b += ∂loss/∂n4 · ∂n4/∂b = 3 · 1 = 3 → 3"))
        let (complete, _) = seedGraphState(keys: [.character("g"), .character("e"), .character("E")])
        #expect(complete.backwardStepsShown == nil)
    }

    @Test func `a training step starts the replay over at the new weights`() {
        var (state, _) = seedGraphState(keys: [.character("g"), .character("e"), .character("e")])
        state.handle(.space)
        #expect(state.backwardStepsShown == 0)
        #expect(state.isShowingGraph)
    }

    @Test func `arrows scroll the table instead of panning while the graph is shown`() {
        var (state, _) = seedGraphState(keys: [.character("g")])
        let region = state.region
        state.handle(.down)
        #expect(state.graphScroll == 1)
        #expect(state.region == region)
        state.handle(.character("g"))
        #expect(!state.isShowingGraph)
    }

    @Test func `a long graph scrolls and says where it is`() {
        var state = ExplorerState(scenario: .mseFit, size: TerminalSize(columns: 100, rows: 30))
        state.handle(.character("g"))
        for _ in 0..<5 { state.handle(.down) }
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("rows 6–"))
        let count = GraphView.trace(scenario: state.scenario, weights: state.run.weights).nodes.count
        #expect(count > 30)
        #expect(text.contains("of \(count) (↑ ↓ scroll)"))
    }
}
