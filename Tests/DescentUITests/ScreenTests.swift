import DescentCore
import DescentUI
import Testing

@Suite struct `Screen buffer and canvas` {
    @Test func `text is clipped at the edge, never wrapped`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 5, rows: 2))
        let end = buffer.put("abcdefgh", column: 2, row: 0)
        #expect(buffer.lines == ["  abc", ""])
        #expect(end == 5)
        buffer.put("xyz", column: -1, row: 1)
        #expect(buffer.lines[1] == "yz")
    }

    @Test func `clip rectangles bound writes`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        buffer.put("hello world", column: 0, row: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(buffer.lines == ["  llo"])
    }

    @Test func `braille dots land in the right cell and bit`() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.set(x: 0, y: 0)
        canvas.set(x: 3, y: 3)
        #expect(canvas.character(column: 0, row: 0) == "⠁")
        #expect(canvas.character(column: 1, row: 0) == "⢀")
    }

    @Test func `a line to a point at 1e300 is clipped instantly`() {
        var canvas = BrailleCanvas(columns: 10, rows: 5)
        canvas.line(from: (1, 1), to: (1e300, 1e300))
        canvas.line(from: (1, 1), to: (.nan, 3))
        #expect(canvas.character(column: 0, row: 0) != nil)
    }

    @Test func `a line entirely outside draws nothing`() {
        var canvas = BrailleCanvas(columns: 4, rows: 2)
        canvas.line(from: (-10, -10), to: (-1, 50))
        for row in 0..<2 { for column in 0..<4 { #expect(canvas.character(column: column, row: row) == nil) } }
    }

    @Test func `heatmap bands run from 0 at the minimum to the top band at the maximum`() {
        let scale = HeatmapScale(range: 1...101)
        #expect(scale.band(of: 1) == 0)
        #expect(scale.band(of: 101) == ColorRole.heatLevels - 1)
        #expect(scale.band(of: .nan) == nil)
        let bands = stride(from: 1.0, through: 101, by: 0.5).compactMap { scale.band(of: $0) }
        #expect(bands == bands.sorted(), "bands never decrease as the loss grows")
    }

    @Test func `numbers are formatted short, and learning rates exactly`() {
        #expect(Format.number(1.44912345) == "1.449")
        #expect(Format.number(0.000123456) == "0.0001235")
        #expect(Format.number(.infinity) == "inf")
        #expect(Format.exact(0.05) == "0.05")
        #expect(Format.exact(0.05 * 8) == "0.4")
        #expect(Format.exact(0.05 / 16) == "0.003125")
        #expect(Format.exact(1) == "1")
    }
}

@Suite struct `The loop with an in-memory screen` {
    @Test @MainActor func `keys flow through actions into frames`() throws {
        let screen = MemoryScreen(size: TerminalSize(columns: 100, rows: 30),
                                  keys: [.space, .space, .character("]"), .character("q")])
        let final = ExplorerLoop().run(ExplorerState(scenario: .mseFit, size: screen.size), on: screen)
        #expect(final.isQuitting)
        #expect(final.run.stepCount == 2)
        #expect(final.run.optimizer.hyperparameters.learningRate == 0.1)
        let last = try #require(screen.lastFrame)
        #expect(last.text.contains("step 2"))
        #expect(last.text.contains("learning rate 0.1"))
        #expect(screen.frames.count == 4, "one frame before each key")
    }

    @Test @MainActor func `a resize reaches the state and the next frame`() throws {
        let screen = MemoryScreen(size: TerminalSize(columns: 100, rows: 30), keys: [.resize])
        var state = ExplorerState(scenario: .mseFit, size: screen.size)
        state.apply(.resize(TerminalSize(columns: 80, rows: 24)))
        let final = ExplorerLoop().run(state, on: screen)
        #expect(final.size == TerminalSize(columns: 100, rows: 30))
        #expect(screen.frames.allSatisfy { $0.size == TerminalSize(columns: 100, rows: 30) })
    }
}
