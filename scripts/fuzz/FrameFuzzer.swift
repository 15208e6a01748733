// libFuzzer harness for the explorer: a terminal size, a scenario and a
// stream of keys, ticks and resizes, all from the input bytes, applied to
// `ExplorerState`, frames rendered along the way. Whatever a person
// types at whatever size, the state must never trap and every frame must
// be as wide as the terminal (wide characters counted as two cells).
// Built by scripts/fuzz/build.sh, never by `swift build`.
import DescentCore
import DescentUI

/// Keys for the control bytes 0…31 of the input; the others are typed as
/// characters, and bytes from 128 are ticks (which also take queued steps),
/// resizes, mouse events, background work done on the spot (cancelled
/// part-way now and then) and sampled surfaces.
private let specialKeys: [Key] = [
    .enter, .escape, .tab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
    .function(1), .function(5), .resize,
]

private let scenarios: [Scenario] = Presets.names.compactMap { try? Presets.scenario(named: $0) }
    + ClassicFunction.all.map { $0.scenario() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 3 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var terminal = TerminalSize(columns: 1 + Int(bytes[0]) % 120, rows: 1 + Int(bytes[1]) % 40)
    var state = ExplorerState(scenario: scenarios[Int(bytes[2]) % scenarios.count], size: terminal)
    var index = 3
    while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0..<32:
            state.handle(specialKeys[Int(byte) % specialKeys.count])
        case 32..<128:
            state.handle(.character(Character(Unicode.Scalar(byte))))
        case 128..<192:
            state.apply(.tick(seconds: Double(byte - 128) / 16))
            state.apply(.advancePendingSteps(maximum: 256))
        case 192..<224:
            guard index + 1 < bytes.count else { break }
            terminal = TerminalSize(columns: 1 + Int(bytes[index]) % 120, rows: 1 + Int(bytes[index + 1]) % 40)
            index += 2
            state.apply(.resize(terminal))
        case 224..<240:
            guard index + 1 < bytes.count else { break }
            let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
            state.handle(.mouse(MouseEvent(kind: kinds[Int(byte) % kinds.count], column: Int(bytes[index]) % 120,
                                           row: Int(bytes[index + 1]) % 40)))
            index += 2
        case 240..<248:
            // What the loop's runner would do in the background; polls beyond the budget cancel it.
            var polls = 0
            let budget = Int(byte - 240) * 50
            for effect in state.takeEffects() {
                var published: [ExplorerAction] = []
                effect.perform(publish: { published.append($0) }, isCancelled: {
                    polls += 1
                    return polls > budget
                })
                for action in published { state.apply(action) }
            }
        default:
            state.sampleSurfaceNow()
        }
        // A frame after every event is the best check but slow under ASan: every fourth, and the last.
        if index % 4 == 0 || index == bytes.count { checkFrame(ExplorerRenderer.render(state), size: terminal) }
    }
    return 0
}

private func checkFrame(_ frame: ScreenBuffer, size: TerminalSize) {
    for row in 0..<frame.size.rows {
        var width = 0
        for column in 0..<frame.size.columns {
            let cell = frame[column, row]
            width += cell.isContinuation ? 0 : TerminalText.cellWidth(of: cell.scalar)
            if TerminalText.visible(cell.scalar) != cell.scalar && !cell.isContinuation {
                fatalError("a control character U+\(String(cell.scalar.value, radix: 16)) in the frame, row \(row)")
            }
        }
        if width != size.columns { fatalError("row \(row) is \(width) cells wide on a \(size) terminal: \(frame.lines[row])") }
    }
}
