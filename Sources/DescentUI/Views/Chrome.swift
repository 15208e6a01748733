import DescentCore

/// The title bar, the message line and the key hint bar.
public enum Chrome {
    public static func drawTitle(_ state: ExplorerState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let bar = Style(foreground: .title, background: .titleBar)
        buffer.fill(rect, with: Cell(" ", style: bar))
        var x = buffer.put(" descent ", column: rect.x, row: rect.y, style: bar.foreground(.accent).bold, clip: rect)
        x = buffer.put("· \(state.scenario.name) · ", column: x, row: rect.y, style: bar.foreground(.dim), clip: rect)
        var playState = state.isPlaying ? "▶ playing \(Format.exact(state.stepsPerSecond)) steps/s " : "❚❚ paused "
        if state.pendingSteps > 0 {
            let total = state.pendingSteps + state.pendingStepsDone
            playState = "◌ stepping \(state.pendingStepsDone)/\(total) (esc stops)  " + playState
        } else if let sweep = state.sweep, !sweep.isComplete, state.mainView == .sweep {
            playState = "◌ sweeping \(sweep.points.count)/\(sweep.rates.count)  " + playState
        } else if state.isRunningRestarts {
            playState = "◌ restarts running  " + playState
        } else if state.surface == nil {
            playState = "◌ sampling surface  " + playState
        } else if !state.surfaceRefinement.isFinal {
            playState = "◌ refining surface \(state.surfaceRefinement.pass)/\(state.surfaceRefinement.passes)  " + playState
        }
        let right = Rect(x: x, y: rect.y, width: rect.maxX - x - playState.count - 1, height: 1)
        buffer.put(state.scenario.title, column: x, row: rect.y, style: bar.bold, clip: right)
        buffer.put(playState, column: rect.maxX - playState.count, row: rect.y,
                   style: bar.foreground(state.isPlaying ? .good : .dim), clip: rect)
    }

    public static func drawMessage(_ state: ExplorerState, in rect: Rect, into buffer: inout ScreenBuffer) {
        if let command = state.commandLine {
            let x = buffer.put(" :" + command, column: rect.x, row: rect.y, style: Style(foreground: .title, isBold: true),
                               clip: rect)
            buffer.put("▏", column: x, row: rect.y, style: Style(foreground: .accent), clip: rect)
            // Right-aligned, cut to the room the typed line leaves (the start of a hint matters most).
            let room = rect.maxX - x - 4
            if room >= 12 {
                let hint = Format.truncated(ExplorerCommand.hint(for: command), to: room)
                buffer.put(hint, column: rect.maxX - hint.count - 1, row: rect.y, style: Style(foreground: .dim), clip: rect)
            }
        } else if let message = state.message {
            let role: ColorRole = state.run.status.hasDiverged ? .danger : .accent
            buffer.put(" " + Format.truncated(message, to: rect.width - 2), column: rect.x, row: rect.y, style: Style(foreground: role), clip: rect)
        } else if state.isNarrating {
            let role: ColorRole = state.run.status.hasDiverged ? .danger : .text
            buffer.put(" " + Format.truncated(state.narration, to: rect.width - 2), column: rect.x, row: rect.y,
                       style: Style(foreground: role), clip: rect)
        } else {
            buffer.put(" " + Format.truncated(state.scenario.lesson, to: rect.width - 2), column: rect.x, row: rect.y, style: Style(foreground: .dim),
                       clip: rect)
        }
    }

    /// Which hints stay longest when the bar is too narrow for all of them
    /// (help lists everything, so it and quit never go).
    static let hintPriority = ["quit", "help", "step", "play", "rate", "momentum", "optimizer", "restart", "batch",
                               "tour", "scenarios", "graph", "data", "sweep", "undo", "reset", "×10", "zoom", "command"]

    /// Every hinted binding as "keys word", in key-map order; when they do not
    /// all fit, the least important are left out (they stay in the help).
    public static func drawKeyHints(in rect: Rect, into buffer: inout ScreenBuffer) {
        var hinted = KeyBinding.explorer.compactMap { binding in binding.hint.map { (keys: binding.label, word: $0) } }
        func width() -> Int { hinted.map { "\($0.keys) \($0.word)  " }.joined().count + 1 }
        for word in hintPriority.reversed() where width() > rect.width && hinted.count > 2 {
            hinted.removeAll { $0.word == word }
        }
        var x = rect.x + 1
        for entry in hinted {
            x = buffer.put(entry.keys, column: x, row: rect.y, style: Style(foreground: .key, isBold: true), clip: rect)
            x = buffer.put(" " + entry.word + "  ", column: x, row: rect.y, style: Style(foreground: .dim), clip: rect)
        }
    }
}
