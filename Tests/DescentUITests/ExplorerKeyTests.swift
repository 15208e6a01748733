import DescentCore
import DescentUI
import Testing

func explorer(size: TerminalSize = TerminalSize(columns: 100, rows: 30)) -> ExplorerState {
    ExplorerState(scenario: .mseFit, size: size)
}

@Suite struct `Each key in the contract changes the state as stated` {
    @Test func `space takes one step`() {
        var state = explorer()
        state.handle(.space)
        #expect(state.run.stepCount == 1)
    }

    @Test func `n takes ten steps`() {
        var state = explorer()
        state.handle(.character("n"))
        #expect(state.run.stepCount == 10)
    }

    @Test func `p toggles play and ticks then take steps at the play rate`() {
        var state = explorer()
        state.handle(.character("p"))
        #expect(state.isPlaying)
        state.apply(.tick(seconds: 1))
        #expect(state.run.stepCount == Int(state.stepsPerSecond))
        state.handle(.character("p"))
        #expect(!state.isPlaying)
        state.apply(.tick(seconds: 1))
        #expect(state.run.stepCount == Int(state.stepsPerSecond), "paused: ticks do nothing")
    }

    @Test func `a long stall does not make play jump ahead`() {
        var state = explorer()
        state.handle(.character("p"))
        state.apply(.tick(seconds: 30))
        #expect(state.run.stepCount <= Int(state.stepsPerSecond))
    }

    @Test func `] doubles and [ halves the learning rate without resetting the run`() {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.character("]"))
        #expect(state.run.optimizer.hyperparameters.learningRate == 0.1)
        #expect(state.run.stepCount == 10)
        state.handle(.character("["))
        state.handle(.character("["))
        #expect(state.run.optimizer.hyperparameters.learningRate == 0.025)
        state.handle(.space)
        #expect(state.run.current.learningRate == 0.025, "the next step uses the new rate")
    }

    @Test func `M and m move momentum by 0.1 within 0 and 0.99`() {
        var state = explorer()
        state.handle(.character("m"))
        #expect(state.run.optimizer.hyperparameters.momentum == 0)
        for _ in 0..<3 { state.handle(.character("M")) }
        #expect(state.run.optimizer.hyperparameters.momentum == 0.3)
        for _ in 0..<10 { state.handle(.character("M")) }
        #expect(state.run.optimizer.hyperparameters.momentum == 0.99)
        state.handle(.character("m"))
        #expect(state.run.optimizer.hyperparameters.momentum == 0.89)
    }

    @Test func `R resets to the start and stops playing`() {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.character("p"))
        state.handle(.character("R"))
        #expect(state.run.stepCount == 0)
        #expect(state.run.weights == Scenario.mseFit.start)
        #expect(!state.isPlaying)
    }

    @Test func `? opens help, and while it is open other keys do nothing`() {
        var state = explorer()
        state.handle(.character("?"))
        #expect(state.isShowingHelp)
        state.handle(.space)
        #expect(state.run.stepCount == 0)
        state.handle(.escape)
        #expect(!state.isShowingHelp)
    }

    @Test func `q quits`() {
        var state = explorer()
        state.handle(.character("q"))
        #expect(state.isQuitting)
    }

    @Test func `divergence pauses play and explains itself`() {
        var state = explorer()
        for _ in 0..<3 { state.handle(.character("]")) }
        state.handle(.character("p"))
        state.apply(.tick(seconds: 1))
        for _ in 0..<20 { state.apply(.tick(seconds: 1)) }
        #expect(state.run.status.hasDiverged)
        #expect(!state.isPlaying)
        #expect(state.message?.contains("Diverged at step") == true)
        #expect(state.message?.contains("the learning rate overshoots") == true, "\(state.message ?? "")")
    }

    @Test func `a step from a point without a gradient says where and why, not that the rate is to blame`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("sqrt(a^2 + b^2)"), start: [0, 0])
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 120, rows: 36))
        state.handle(.space)
        #expect(state.run.stepCount == 0)
        #expect(state.message == "Diverged at step 0: no gradient at a = 0, b = 0 (a sharp tip or a domain edge). "
                + "Press R to reset, r to restart.")
        state.handle(.character("p"))
        #expect(!state.isPlaying && state.message?.hasPrefix("Diverged at step 0: no gradient") == true)
    }

    @Test func `a run at rest in a local minimum says so beside its goal instead of counting steps alone`() throws {
        let rastrigin = try #require(try Presets.scenario(named: "rastrigin"))
        var state = ExplorerState(scenario: rastrigin, size: TerminalSize(columns: 120, rows: 36))
        #expect(state.goalSummary == "300 steps left")
        state.apply(.step(count: 100))
        #expect(state.run.status.hasConverged)
        #expect(state.goalSummary == "converged elsewhere · 200 left")
        #expect(ExplorerRenderer.render(state).text.contains("goal converged elsewhere · 200 left"))
    }

    @Test func `a step out of the formula's domain says the loss is undefined there`() throws {
        let scenario = Scenario.expression(try ExpressionObjective("log(a) + b^2"), start: [0.05, 1])
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 120, rows: 36))
        for _ in 0..<5 { state.handle(.space) }
        #expect(state.run.status.hasDiverged)
        #expect(state.message?.contains("the loss is undefined at a = ") == true, "\(state.message ?? "")")
        #expect(state.message?.contains("overshoots") == false)
    }

    @Test func `a too-small terminal ignores everything but q`() {
        var state = explorer(size: TerminalSize(columns: 40, rows: 10))
        state.handle(.space)
        #expect(state.run.stepCount == 0)
        state.handle(.character("q"))
        #expect(state.isQuitting)
    }
}

@Suite struct `Key notation` {
    @Test func `characters and named keys parse in order`() throws {
        let keys = try KeyNotation.parse("nn]?<space><enter><esc><tab><bs><up><down><left><right><lt>>")
        #expect(keys == [.character("n"), .character("n"), .character("]"), .character("?"), .space, .enter, .escape,
                         .tab, .backspace, .up, .down, .left, .right, .character("<"), .character(">")])
    }

    @Test func `a < that opens no name is the key <`() throws {
        let less = Key.character("<"), more = Key.character(">")
        #expect(try KeyNotation.parse("<<up>") == [less, .up])
        #expect(try KeyNotation.parse("<") == [less])
        #expect(try KeyNotation.parse("a<") == [.character("a"), less])
        #expect(try KeyNotation.parse("<>") == [less, more])
        #expect(try KeyNotation.parse("< >") == [less, .space, more])
        #expect(try KeyNotation.parse("<a+b>") == [less, .character("a"), .character("+"), .character("b"), more])
        #expect(try KeyNotation.parse("<<<lt>") == [less, less, less])
    }

    @Test func `an unknown name is an error naming it and where it is`() {
        #expect(throws: KeyNotation.ParseError(position: 3, name: "spcae")) {
            try KeyNotation.parse("nn<spcae>")
        }
        #expect(throws: KeyNotation.ParseError(position: 2, name: "page-up")) {
            try KeyNotation.parse("<<page-up>")
        }
    }
}

@Suite struct `Messages and help` {
    @Test func `a message goes after a while, and a new one starts its own time`() {
        var state = explorer()
        state.handle(.character("]"))
        #expect(state.message != nil)
        state.apply(.tick(seconds: 5))
        state.handle(.character("]"))
        state.apply(.tick(seconds: 5))
        #expect(state.message?.contains("0.2") == true)
        state.apply(.tick(seconds: 4))
        #expect(state.message == nil)
    }

    @Test func `help shows the scenario's lesson above the keys when there is room`() {
        var state = explorer(size: TerminalSize(columns: 100, rows: 44))
        state.handle(.character("?"))
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("The loss is the mean squared error of prediction"))
        #expect(Format.wrapped("one two three four", to: 9) == ["one two", "three", "four"])
    }
}

@Suite struct `Gradient check from the explorer` {
    @Test func `c reports back-propagation agreeing with finite differences`() {
        var state = explorer()
        state.handle(.character("n"))
        state.handle(.character("c"))
        let message = state.message ?? ""
        #expect(message.contains("Gradient check at step 10"))
        #expect(message.contains("(they agree)"))
    }
}

@Suite struct `Help on a small terminal` {
    @Test func `the key list scrolls so every key can be read`() {
        var state = explorer(size: TerminalSize(columns: 64, rows: 20))
        state.handle(.character("?"))
        #expect(!ExplorerRenderer.render(state).text.contains("quit (Ctrl-C too)"))
        #expect(ExplorerRenderer.render(state).text.contains("↑ ↓ scroll"))
        for _ in 0..<KeyBinding.explorer.count { state.handle(.down) }
        #expect(ExplorerRenderer.render(state).text.contains("quit (Ctrl-C too)"))
        #expect(!state.isQuitting)
    }
}
