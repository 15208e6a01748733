import DescentCore
import DescentUI
import Testing

func raceScenario() -> Scenario {
    var scenario = Scenario.mseFit
    scenario.race = [
        Optimizer(.sgd, Hyperparameters(learningRate: 0.05)),
        Optimizer(.momentum, Hyperparameters(learningRate: 0.05, momentum: 0.9)),
        Optimizer(.rmsprop, Hyperparameters(learningRate: 0.05)),
        Optimizer(.adam, Hyperparameters(learningRate: 0.1)),
    ]
    return scenario
}

@Suite struct `Optimizers racing side by side` {
    func race(steps: Int, keys: [Key] = []) -> (ExplorerState, ScreenBuffer) {
        var state = ExplorerState(scenario: raceScenario(), size: TerminalSize(columns: 120, rows: 36))
        state.apply(.step(count: steps))
        for key in keys { state.handle(key) }
        state.sampleSurfaceNow()
        return (state, ExplorerRenderer.render(state))
    }

    @Test func `every contender steps together from the same start`() {
        let (state, _) = race(steps: 12)
        #expect(state.runs.count == 4)
        #expect(state.runs.allSatisfy { $0.stepCount == 12 && $0.start == Scenario.mseFit.start })
        #expect(Set(state.runs.map(\.weights[0])).count == 4, "different optimizers take different paths")
    }

    @Test func `each path and current point is drawn in its own colour`() throws {
        let (state, buffer) = race(steps: 15)
        let map = try #require(state.layout).surfaceMap
        var pathColours = Set<Int>()
        var pointColours = Set<Int>()
        for row in map.y..<map.maxY {
            for column in map.x..<map.maxX {
                let cell = buffer[column, row]
                if case .series(let index) = cell.style.foreground {
                    if cell.scalar == "●" { pointColours.insert(index) } else { pathColours.insert(index) }
                }
            }
        }
        #expect(pathColours == [0, 1, 2, 3])
        #expect(pointColours.count >= 3, "current points (some may share a cell)")
    }

    @Test func `the race table lists every contender and tab moves the keys to the next`() {
        var (state, buffer) = race(steps: 5)
        for name in ["SGD", "momentum", "RMSProp", "Adam"] {
            #expect(buffer.text.contains("● \(name)"), "race table misses \(name)")
        }
        #expect(buffer.text.contains("state · SGD"))
        state.handle(.tab)
        state.handle(.character("]"))
        #expect(state.runs[1].optimizer.hyperparameters.learningRate == 0.1, "] tuned momentum, the selected one")
        #expect(state.runs[0].optimizer.hyperparameters.learningRate == 0.05)
        #expect(ExplorerRenderer.render(state).text.contains("state · momentum"))
        #expect(state.message?.contains("for momentum") == true)
    }

    @Test func `one contender diverging does not stop the race`() {
        var state = ExplorerState(scenario: raceScenario(), size: TerminalSize(columns: 120, rows: 36))
        for _ in 0..<3 { state.handle(.character("]")) }
        state.handle(.character("p"))
        for _ in 0..<5 { state.apply(.tick(seconds: 1)) }
        #expect(state.runs[0].status.hasDiverged)
        #expect(state.isPlaying)
        #expect(state.runs[3].stepCount > state.runs[0].stepCount)
    }
}
