import DescentCore
import DescentUI
import Testing

/// What a demanding user does to the explorer (keys, far views, huge
/// numbers) leaves it drawing frames: never a trap.
@Suite struct `The explorer under hostile use` {
    func state(_ source: String, start: [Double]) throws -> ExplorerState {
        let scenario = Scenario.expression(try ExpressionObjective(source), start: start)
        return ExplorerState(scenario: scenario, size: TerminalSize(columns: 100, rows: 30))
    }

    @Test func `f fits a path that sits far out, instead of trapping`() throws {
        // Every point of the path is (1e20, 1e20): the fitted width of 1e-6
        // used to vanish at that magnitude and trap ViewRegion's precondition.
        var state = try state("0*a + 0*b", start: [1e20, 1e20])
        state.apply(.step(count: 3))
        state.handle(.character("f"))
        #expect(state.region.contains(PlanePoint(u: 1e20, v: 1e20)), "\(state.region)")
        state.sampleSurfaceNow()
        #expect(ExplorerRenderer.render(state).text.contains("step 3"))
    }

    @Test func `zooming in and out two hundred times after panning far keeps drawing`() throws {
        var state = try state("a^2 + b^2", start: [1, 1])
        for _ in 0..<200 { state.handle(.character("-")) }
        for _ in 0..<300 { state.handle(.right) }
        for _ in 0..<200 { state.handle(.character("+")) }
        state.handle(.character("f"))
        for _ in 0..<200 { state.handle(.character("-")) }
        state.sampleSurfaceNow()
        #expect(ExplorerRenderer.render(state).text.contains("step 0"))
    }
}

@Suite struct `Commands with extreme values` {
    @Test func `a sweep from 1e-300 to 1e300 draws instead of trapping on an infinite rate`() {
        var state = explorer()
        for key in ":sweep 1e-300:1e300" { state.handle(.character(key)) }
        state.handle(.enter)
        state.settle()
        let frame = ExplorerRenderer.render(state).text
        #expect(frame.contains("final loss after"), "\(frame)")
    }
}

/// Found by scripts/fuzz/FrameFuzzer (booth, then w): a sweep whose best
/// final loss is 0, or below 0, put log10 of it through Int() and trapped.
@Suite struct `The sweep view on every landscape` {
    static let scenarios: [Scenario] = ClassicFunction.all.map { $0.scenario() }
        + Presets.names.compactMap { try? Presets.scenario(named: $0) }

    /// By index: some presets share a classic function's name.
    @Test(arguments: scenarios.indices)
    func `w draws the sweep, whatever the final losses are`(index: Int) {
        let scenario = Self.scenarios[index], name = scenario.name
        var state = ExplorerState(scenario: scenario, size: TerminalSize(columns: 102, rows: 30))
        state.handle(.character("w"))
        state.settle()
        let frame = ExplorerRenderer.render(state).text
        #expect(frame.contains("final loss after"), "\(name): \(frame)")
        if state.sweep?.best.map({ $0.finalLoss <= 0 }) == true {
            #expect(frame.contains("◆"), "\(name): a best loss of 0 or less is marked on the bottom row")
        }
    }
}

@Suite struct `Commands that would freeze the explorer` {
    @Test(arguments: [("restarts 1000 100000", false), ("restarts 1000 1000", true), ("restarts 10 100000", true),
                      ("restarts 1000 1001", false)])
    func `restarts are refused beyond a million steps in all`(command: String, isAccepted: Bool) {
        do {
            let action = try ExplorerCommand.parse(command)
            #expect(isAccepted, "\(command) gave \(action)")
        } catch {
            #expect(!isAccepted, "\(command): \(error)")
            #expect(error.description.contains("more than the 1000000 the explorer runs at once; for more, "
                + "descent run --restarts"), "\(error)")
        }
    }
}

@Suite struct `The learning-rate keys never leave the numbers a double holds` {
    @Test(arguments: ["]", "["])
    func `holding ] or [ stops at the largest or smallest rate, and the other key comes back`(key: Character) {
        var state = explorer()
        for _ in 0..<2_000 { state.handle(.character(key)) }
        let extreme = state.run.optimizer.hyperparameters.learningRate
        #expect(extreme.isFinite && extreme > 0, "\(extreme)")
        #expect(state.message?.hasPrefix("The learning rate stays") == true, "\(state.message ?? "")")
        state.handle(.character(key == "]" ? "[" : "]"))
        let back = state.run.optimizer.hyperparameters.learningRate
        #expect(key == "]" ? back < extreme : back > extreme, "\(extreme) then \(back)")
    }
}

/// A seeded monkey: random keys, ticks and resizes on every preset, a frame
/// after each. The same walk as scripts/fuzz/FrameFuzzer, short and fixed,
/// so every test run repeats it.
@Suite struct `Random keys on every preset` {
    static let keys: [Key] = Array("nnp]][[MmoburRf0dgeEc?+-:lr 2\t").map { .character($0) }
        + [.enter, .escape, .tab, .backspace, .up, .down, .left, .right, .pageUp, .pageDown]

    @Test(arguments: Presets.names)
    func `never trap and keep every frame as wide as the terminal`(preset: String) throws {
        let scenario = try #require(try Presets.scenario(named: preset))
        var generator = SeededGenerator(seed: UInt64(preset.unicodeScalars.reduce(0) { $0 &* 31 &+ $1.value }))
        var size = TerminalSize(columns: 100, rows: 30)
        var state = ExplorerState(scenario: scenario, size: size)
        var events: [String] = []
        for _ in 0..<60 {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0:
                size = TerminalSize(columns: Int.random(in: 1...160, using: &generator),
                                    rows: Int.random(in: 1...50, using: &generator))
                state.apply(.resize(size))
                events.append("resize \(size.columns)x\(size.rows)")
            case 1:
                let seconds = Double.random(in: 0...2, using: &generator)
                state.apply(.tick(seconds: seconds))
                events.append("tick \(seconds)")
            default:
                let key = Self.keys.randomElement(using: &generator) ?? .escape
                state.handle(key)
                events.append(key.label)
            }
            let frame = ExplorerRenderer.render(state)
            for row in 0..<frame.size.rows {
                let width = (0..<frame.size.columns).reduce(0) { total, column in
                    total + (frame[column, row].isContinuation ? 0 : TerminalText.cellWidth(of: frame[column, row].scalar))
                }
                #expect(width == size.columns, "\(preset) after \(events): row \(row) is \(width) wide")
            }
        }
    }
}
