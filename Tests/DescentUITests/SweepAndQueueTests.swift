import DescentCore
import DescentUI
import Testing

@Suite struct `The sweep view and long step requests` {
    @Test func `w sweeps 30 rates around the current one and shows the picture`() throws {
        var state = explorer()
        state.handle(.character("w"))
        #expect(state.mainView == .sweep)
        #expect(state.effects.count == 1, "the sweep runs as an effect, off the input thread")
        state.settle()
        let sweep = try #require(state.sweep)
        #expect(sweep.isComplete && sweep.rates.count == 30)
        #expect(sweep.rates.first == 0.05 / 1000 && sweep.rates.last == 0.05 * 100)
        #expect(sweep.points.contains { $0.status.hasDiverged }, "the largest rates diverge")
        let best = try #require(sweep.best)
        #expect(best.learningRate > 0.01 && best.learningRate < 0.4, "the best rate is neither tiny nor huge")
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("final loss after 200 steps, by learning rate"))
        #expect(text.contains("× diverged"))
        #expect(text.contains("◆ best"))
        state.handle(.character("w"))
        #expect(state.mainView == .surface)
    }

    @Test func `:sweep takes a range and steps, and a newer sweep replaces an older one`() {
        var state = explorer()
        state.handle(.character(":"))
        for character in "sweep 1e-3:1 50" { state.handle(.character(character)) }
        state.handle(.enter)
        state.handle(.character(":"))
        for character in "sweep 1e-2:2 60" { state.handle(.character(character)) }
        state.handle(.enter)
        state.settle()
        #expect(state.sweep?.steps == 60)
        #expect(state.sweep?.rates.first == 1e-2)
    }

    @Test func `a stale sweep result is ignored`() {
        var state = explorer()
        state.apply(.runSweep(range: 1e-3...1, steps: 10))
        let stale = SweepResult(id: 0, rates: [1], steps: 10, points: [])
        state.apply(.sweepProgressed(stale))
        #expect(state.sweep?.rates.count == 30)
    }

    @Test func `many steps are queued and taken a frame at a time, and esc stops them`() {
        var state = explorer()
        state.apply(.step(count: 5000))
        #expect(state.run.stepCount == 0)
        #expect(state.pendingSteps == 5000)
        state.apply(.advancePendingSteps(maximum: 700))
        #expect(state.run.stepCount == 700)
        #expect(ExplorerRenderer.render(state).text.contains("stepping 700/5000"))
        state.handle(.escape)
        #expect(state.pendingSteps == 0)
        #expect(state.message == "Stopped after 700 of 5000 steps.")
        state.apply(.step(count: 3000))
        state.settle()
        #expect(state.run.stepCount == 3700)
    }

    @Test @MainActor func `the loop takes queued steps between keys`() {
        let screen = MemoryScreen(size: TerminalSize(columns: 100, rows: 30),
                                  keys: [.character(":")] + "step 20000".map { .character($0) } + [.enter]
                                      + Array(repeating: .character("m"), count: 40))
        let final = ExplorerLoop().run(ExplorerState(scenario: .mseFit, size: screen.size), on: screen)
        #expect(final.run.stepCount > 1000, "steps were taken while keys kept coming")
        #expect(final.run.stepCount + final.pendingSteps == 20000)
    }
}
