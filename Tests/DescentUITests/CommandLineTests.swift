import DescentCore
import DescentUI
import Testing

@Suite struct `The command line sets exact values` {
    func typing(_ text: String, into state: inout ExplorerState) {
        state.handle(.character(":"))
        for character in text { state.handle(.character(character)) }
        state.handle(.enter)
    }

    @Test func `:lr sets the learning rate exactly`() {
        var state = explorer()
        typing("lr 0.0123", into: &state)
        #expect(state.run.optimizer.hyperparameters.learningRate == 0.0123)
        #expect(state.commandLine == nil)
        #expect(ExplorerRenderer.render(state).text.contains("learning rate 0.0123"))
    }

    @Test func `while typing, the hint lists the commands the letters allow, then the one command's usage`() {
        #expect(ExplorerCommand.hint(for: "").hasPrefix("tab completes · enter runs · esc cancels · lr momentum"))
        #expect(ExplorerCommand.hint(for: "re") == "rewind restarts reset")
        #expect(ExplorerCommand.hint(for: "lr") == ":lr X  set the learning rate (X > 0)")
        #expect(ExplorerCommand.hint(for: "rate 0.") == ":lr X  set the learning rate (X > 0)", "an alias")
        #expect(ExplorerCommand.hint(for: "spe") == ":speed X  play X steps a second (0.1 to 1000)")
        #expect(ExplorerCommand.hint(for: "zz") == "no command starts with 'zz'; esc cancels")
        #expect(ExplorerCommand.hint(for: "zz 1") == "", "an unknown command is for enter to report")
        var state = explorer()
        state.handle(.character(":"))
        for character in "re" { state.handle(.character(character)) }
        let messageRow = ExplorerRenderer.render(state).text.split(separator: "\n").dropLast().last ?? ""
        #expect(messageRow.hasPrefix(" :re") && messageRow.hasSuffix("rewind restarts reset"), "\(messageRow)")
    }

    @Test func `:ascii turns plain ASCII on and off`() {
        var state = explorer()
        typing("ascii", into: &state)
        #expect(state.isASCII && state.message?.hasPrefix("ASCII only: o start, @ now") == true)
        #expect(ExplorerRenderer.render(state).cells.allSatisfy { $0.scalar.isASCII })
        typing("ascii off", into: &state)
        #expect(!state.isASCII)
        typing("ascii maybe", into: &state)
        #expect(!state.isASCII && state.message == ":ascii maybe: ascii takes on or off (nothing means on), got maybe")
        #expect(ExplorerCommand.completion(of: "ascii of") == "ascii off")
    }

    @Test func `:narrate puts the run in words on the message line after every change`() {
        var state = explorer()
        typing("narrate", into: &state)
        #expect(state.isNarrating && state.message == nil)
        state.handle(.space)
        // w = −1 + 0.05·7.325, b = 4 + 0.05·1.775; the loss falls from 7.231 to 4.936.
        let expected = "Step 1 · loss 4.936, down 32% · running · w -0.6337, b 4.089 · gradient norm 4.69 · goal 599 steps left"
        #expect(state.narration == expected)
        let rows = ExplorerRenderer.render(state).text.split(separator: "\n")
        #expect(rows.dropLast().last.map(String.init) == " " + Format.truncated(expected, to: 98), "\(rows.suffix(2))")
        state.handle(.character("]"))
        #expect(state.message?.hasPrefix("Learning rate 0.1") == true, "a key's message still comes first")
        state.apply(.tick(seconds: 60))
        #expect(state.message == nil && ExplorerRenderer.render(state).text.contains(" Step 1 · loss 4.936"))
        typing("narrate off", into: &state)
        #expect(!state.isNarrating && state.message == "Narration off: this line shows the lesson again.")
    }

    @Test func `narration says when the loss rises, names the racer, and gives a diverged run's reason`() throws {
        var state = explorer()
        typing("narrate", into: &state)
        typing("lr 0.4", into: &state)
        state.handle(.space)
        #expect(state.narration.contains("loss ") && state.narration.contains(", up "), "\(state.narration)")
        for _ in 0..<100 { state.handle(.space) }
        #expect(state.run.status.hasDiverged && state.narration.hasPrefix("Diverged at step"), "\(state.narration)")
        let race = try #require(try Presets.scenario(named: "optimizer-race"))
        let racing = ExplorerState(scenario: race, size: TerminalSize(columns: 100, rows: 30), isNarrating: true)
        #expect(racing.narration.hasPrefix("SGD, step 0 · loss "), "\(racing.narration)")
    }

    @Test func `a number too large for a double is named as such`() {
        var state = explorer()
        typing("lr 1e400", into: &state)
        #expect(state.message == ":lr 1e400: lr needs a finite number, got '1e400' (a double holds up to about 1.8e308)")
        #expect(state.run.optimizer.hyperparameters.learningRate == 0.05)
    }

    @Test func `:help NAME says what a command does; :help alone opens the keys`() {
        var state = explorer()
        typing("help rate", into: &state)
        #expect(state.message == ":lr X  set the learning rate (X > 0); also :learning-rate, :rate")
        typing("help lrr", into: &state)
        #expect(state.message == ":help lrr: no command 'lrr' (did you mean lr?)")
        #expect(ExplorerCommand.completion(of: "help sw") == "help sweep")
        typing("help", into: &state)
        #expect(state.isShowingHelp)
    }

    @Test func `:momentum, :speed and :step act as stated`() {
        var state = explorer()
        typing("momentum 0.95", into: &state)
        typing("speed 40", into: &state)
        typing("step 250", into: &state)
        #expect(state.run.optimizer.hyperparameters.momentum == 0.95)
        #expect(state.stepsPerSecond == 40)
        #expect(state.run.stepCount == 250)
    }

    @Test func `messages and titles say 1 step, 1 restart, 1 node and 1 edge`() {
        #expect(Format.counted(1, "step") == "1 step" && Format.counted(0, "step") == "0 steps")
        #expect(Format.counted(2, "minimum", plural: "minima") == "2 minima")
        var state = explorer()
        typing("speed 1", into: &state)
        #expect(state.message == "Playing at 1 step a second.")
        typing("restarts 1 1", into: &state)
        #expect(state.message == "Running 1 restart of 1 step…")
        state.settle()
        #expect(state.message?.hasPrefix("1 restart of 1 step: ") == true, "\(state.message ?? "")")
        typing("sweep 1e-3:1 1", into: &state)
        state.settle()
        #expect(ExplorerRenderer.render(state).text.contains("final loss after 1 step, by learning rate"))
        typing("expression a^2", into: &state)
        state.handle(.character("g"))
        #expect(ExplorerRenderer.render(state).text.contains("· 2 nodes · backward pass: all 1 edge,"))
    }

    @Test func `keys typed on the command line are text, not commands`() {
        var state = explorer()
        state.handle(.character(":"))
        state.handle(.character("q"))
        state.handle(.space)
        #expect(!state.isQuitting)
        #expect(state.run.stepCount == 0)
        #expect(state.commandLine == "q ")
        #expect(ExplorerRenderer.render(state).text.contains(":q "))
        state.handle(.escape)
        #expect(state.commandLine == nil)
    }

    @Test func `backspace edits, and closes an empty command line`() {
        var state = explorer()
        state.handle(.character(":"))
        state.handle(.character("l"))
        state.handle(.backspace)
        #expect(state.commandLine == "")
        state.handle(.backspace)
        #expect(state.commandLine == nil)
    }

    @Test(arguments: [
        ("lx 0.1", "unknown command 'lx' (did you mean lr?); commands: " + ExplorerCommand.entries.map(\.name).joined(separator: ", ")),
        ("lr -1", "the learning rate must be > 0, got -1"),
        ("lr abc", "lr needs a number, got 'abc'"),
        ("lr", "lr takes one value: :lr X"),
        ("momentum 1", "momentum must be at least 0 and below 1, got 1"),
        ("step 0", "steps must be a whole number from 1 to 1000000, got 0"),
        ("reset now", "reset takes no value"),
        ("", "type a command, e.g. lr 0.01"),
    ])
    func `a bad command explains itself and changes nothing`(text: String, expected: String) {
        var state = explorer()
        typing(text, into: &state)
        #expect(state.run.optimizer.hyperparameters.learningRate == 0.05)
        #expect(state.message == ":\(text): \(expected)")
    }

    @Test func `did-you-mean only suggests close names`() {
        #expect(DidYouMean.suggestion(for: "momentm", among: ["lr", "momentum"]) == "momentum")
        #expect(DidYouMean.suggestion(for: "zzzzzz", among: ["lr", "momentum"]) == nil)
    }
}

@Suite struct `Typing a loss in the explorer` {
    func typing(_ text: String, into state: inout ExplorerState) {
        state.handle(.character(":"))
        for character in text { state.handle(.character(character)) }
        state.handle(.enter)
    }

    @Test func `:expression opens the typed loss as a new surface`() {
        var state = explorer()
        state.handle(.character("n"))
        typing("expression 0.5*a^2 + 12.5*b^2", into: &state)
        #expect(state.scenario.objective.parameterNames == ["a", "b"])
        #expect(state.run.stepCount == 0)
        #expect(state.message?.hasPrefix("Opened") == true)
        state.sampleSurfaceNow()
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("0.5*a^2 + 12.5*b^2"))
        #expect(text.contains("gradient a"))
    }

    @Test func `named steps become graph nodes`() {
        var state = explorer()
        typing("expr c = a + b; d = b + 1; f = c * d", into: &state)
        state.handle(.character("g"))
        let text = ExplorerRenderer.render(state).text
        #expect(text.contains("f = c × d"))
        #expect(text.contains("d = b + 1"))
    }

    @Test func `a bad expression says where, and keeps the current scenario`() {
        var state = explorer()
        typing("expression a * * b", into: &state)
        #expect(state.scenario.name == "mse-fit")
        #expect(state.message == ":expression a * * b: 1:5: expected a number or a name after '*'")
    }

    @Test func `:function opens a classic test function with its minima marked`() {
        var state = explorer()
        typing("function himmelblau", into: &state)
        #expect(state.scenario.minima.count == 4)
        typing("function rosenbrok", into: &state)
        #expect(state.message?.contains("did you mean rosenbrock?") == true)
    }
}

@Suite struct `Tab completes the command line` {
    @Test func `a unique prefix completes commands and values`() {
        #expect(ExplorerCommand.completion(of: "opt") == "optimizer ")
        #expect(ExplorerCommand.completion(of: "optimizer ad") == "optimizer ada", "adagrad and adam agree on ada")
        #expect(ExplorerCommand.completion(of: "optimizer rms") == "optimizer rmsprop")
        #expect(ExplorerCommand.completion(of: "function him") == "function himmelblau")
        #expect(ExplorerCommand.completion(of: "re") == "re", "reset, rewind, restarts: ambiguous")
        var state = explorer()
        state.handle(.character(":"))
        for character in "mom" { state.handle(.character(character)) }
        state.handle(.tab)
        #expect(state.commandLine == "momentum ")
    }
}
