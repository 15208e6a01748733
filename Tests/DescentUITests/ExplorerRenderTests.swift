import DescentCore
import DescentUI
import Foundation
import Testing

/// The frame the explorer shows after `steps` steps, with its surface sampled.
func frame(steps: Int = 0, keys: [Key] = [], size: TerminalSize = TerminalSize(columns: 100, rows: 30)) -> (ExplorerState, ScreenBuffer) {
    var state = ExplorerState(scenario: .mseFit, size: size)
    state.apply(.step(count: steps))
    for key in keys { state.handle(key) }
    state.sampleSurfaceNow()
    return (state, ExplorerRenderer.render(state))
}

func isBraille(_ scalar: Unicode.Scalar) -> Bool { (0x2801...0x28FF).contains(scalar.value) }

@Suite struct `The explorer frame` {
    @Test func `after 25 steps it shows the path, the current point, the loss curve and the numbers`() throws {
        let (state, buffer) = frame(steps: 25)
        let layout = try #require(state.layout)
        let text = buffer.text
        for expected in ["step 25", "learning rate 0.05", "momentum 0", "loss 1.449", "gradient w -0.4853",
                         "gradient b 0.9471", "gradient norm 1.064", "w 0.6018", "b 2.858", "status running",
                         "optimizer SGD", "loss (log scale)", "step 0", "q quit"] {
            #expect(text.contains(expected), "missing '\(expected)' in\n\(text)")
        }
        func cells(in rect: Rect) -> [Cell] {
            (rect.y..<rect.maxY).flatMap { row in (rect.x..<rect.maxX).map { buffer[$0, row] } }
        }
        let map = cells(in: layout.surfaceMap)
        #expect(map.filter { $0.scalar == "●" }.count == 1, "one current point")
        #expect(map.filter { $0.scalar == "○" }.count == 1, "the start is marked")
        #expect(map.filter { $0.scalar == "◆" }.count == 1, "the least-squares optimum is marked")
        #expect(map.filter { isBraille($0.scalar) && $0.style.foreground == .path }.count >= 5, "the path is drawn")
        #expect(map.contains { if case .heat = $0.style.background { true } else { false } }, "a heatmap")
        let curve = cells(in: layout.lossCurve)
        #expect(curve.filter { isBraille($0.scalar) && $0.style.foreground == .lossCurve }.count >= 10)
    }

    @Test func `before the first step the loss curve has one label, beside its one dot, and one step mark`() throws {
        let (state, buffer) = frame(steps: 0)
        let curve = try #require(state.layout).lossCurve
        let rows = (curve.y..<curve.maxY).map { row in
            String(String.UnicodeScalarView((curve.x..<curve.maxX).map { buffer[$0, row].scalar }))
        }
        let labelled = rows.filter { $0.contains("7.231") }
        #expect(labelled.count == 1, "\(rows)")
        #expect(labelled.first.map { $0.unicodeScalars.contains(where: isBraille) } == true, "the dot is on the label's row")
        #expect(rows.joined().components(separatedBy: "step ").count - 1 == 1, "one step mark: \(rows)")
    }

    @Test func `in ASCII every cell is ASCII, the layout stays and the markers have stand-ins`() throws {
        var state = ExplorerState(scenario: .mseFit, size: TerminalSize(columns: 100, rows: 30), isASCII: true)
        state.apply(.step(count: 25))
        state.sampleSurfaceNow()
        let ascii = ExplorerRenderer.render(state)
        let (_, unicode) = frame(steps: 25)
        #expect(ascii.cells.allSatisfy { $0.scalar.isASCII })
        #expect(zip(ascii.cells, unicode.cells).allSatisfy { $0.style == $1.style }, "colours and layout unchanged")
        for (unicodeCell, asciiCell) in zip(unicode.cells, ascii.cells) where unicodeCell.scalar.isASCII {
            #expect(asciiCell.scalar == unicodeCell.scalar, "ASCII text is left as it is")
        }
        let map = try #require(state.layout).surfaceMap
        let markers = (map.y..<map.maxY).flatMap { row in (map.x..<map.maxX).map { ascii[$0, row].scalar } }
        #expect(markers.filter { $0 == "@" }.count == 1 && markers.filter { $0 == "o" }.count == 1)
        #expect(markers.filter { $0 == "X" }.count == 1 && markers.filter { $0 == "*" }.count >= 5)
        for text in ["step 25", "learning rate 0.05", "+ state ---", "|7.231 *"] {
            #expect(ascii.text.contains(text), "missing '\(text)' in\n\(ascii.text)")
        }
    }

    @Test func `in ASCII a wide character becomes ? and a space, and its row keeps its width`() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 6, rows: 1))
        buffer.put("a漢b", column: 0, row: 0)
        #expect(buffer.asciiOnly().text == "a? b")
        #expect(ASCIIFallback.character(for: "⠀") == " " && ASCIIFallback.character(for: "⣿") == "*")
        #expect(ASCIIFallback.character(for: "┼") == "+" && ASCIIFallback.character(for: "☃") == "?")
    }

    @Test func `the current point sits where the weights are`() throws {
        let (state, buffer) = frame(steps: 40)
        let layout = try #require(state.layout)
        let map = layout.surfaceMap
        let weights = state.run.weights
        let column = map.x + Int((weights[0] - state.region.horizontal.lowerBound) / state.region.width * Double(map.width))
        let row = map.y + Int((state.region.vertical.upperBound - weights[1]) / state.region.height * Double(map.height))
        #expect(buffer[column, row].scalar == "●")
    }

    @Test func `the help overlay lists every key`() {
        let (_, buffer) = frame(keys: [.character("?")])
        for binding in KeyBinding.explorer {
            #expect(buffer.text.contains(binding.summary), "help misses '\(binding.summary)'")
        }
    }

    @Test func `a terminal too small says so and by how much`() {
        let (_, buffer) = frame(size: TerminalSize(columns: 50, rows: 12))
        #expect(buffer.text.contains("terminal too small"))
        #expect(buffer.text.contains("50×12, needs 64×20"))
    }

    @Test func `a diverged run shows it on the panel and the message line`() {
        let (_, buffer) = frame(keys: Array(repeating: .character("]"), count: 3) + Array(repeating: .character("n"), count: 20))
        #expect(buffer.text.contains("status diverged at step"))
        #expect(buffer.text.contains("Diverged at step"))
    }

    @Test func `the whole frame after 25 steps matches its snapshot`() throws {
        let (_, buffer) = frame(steps: 25)
        try assertSnapshot(buffer.text, named: "mse-fit-25-steps")
    }

    @Test func `every size from the minimum up renders without overlap or crash`() {
        for columns in stride(from: 64, through: 220, by: 13) {
            for rows in stride(from: 20, through: 70, by: 7) {
                let (_, buffer) = frame(steps: 3, size: TerminalSize(columns: columns, rows: rows))
                #expect(buffer.lines.count == rows)
                #expect(buffer.text.contains("step 3"), "\(columns)×\(rows)")
                #expect(buffer.lines.last?.contains("q quit") == true, "\(columns)×\(rows)")
            }
        }
    }

    @Test func `ANSI output carries the heatmap colours`() {
        let (_, buffer) = frame(steps: 5)
        let ansi = AnsiRenderer().render(buffer)
        #expect(ansi.contains("\u{1B}[0;38;5;250;48;5;"), "contour dots over a 256-colour heat background")
        #expect(ansi.split(separator: "\n").count == 30)
    }
}

/// Compares `text` with `Snapshots/NAME.txt`. With RECORD_SNAPSHOTS=1 it
/// writes the file and fails, so a person reads the diff before committing.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); unset RECORD_SNAPSHOTS and review the diff", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text + "\n" == expected, "frame differs from snapshot \(name):\n\(text)", sourceLocation: sourceLocation)
}

@Suite struct `The README tells the truth` {
    @Test func `its screenshot is the frame descent render draws today`() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let (_, buffer) = frame(steps: 25)
        let screenshot = "```\n" + buffer.text + "\n```"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil,
           let start = readme.range(of: "```\n descent · mse-fit"),
           let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) {
            try readme.replacingCharacters(in: start.lowerBound..<end.upperBound, with: screenshot)
                .write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded the README screenshot; review the diff")
            return
        }
        #expect(readme.contains(screenshot),
                "README's screenshot is stale: run the tests once with RECORD_SNAPSHOTS=1 and review the diff")
    }
}
