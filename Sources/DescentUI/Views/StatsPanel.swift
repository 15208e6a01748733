import DescentCore

/// The numbers: step, loss, gradient, weights and settings, each labelled in
/// plain words with one space before its value ("learning rate 0.05"), so a
/// person and a script read the same thing. Labels are right-aligned so the
/// values form a column.
public struct StatsPanel {
    public let run: TrainingRun
    public let title: String
    /// "restart 3 · best loss 0.12", when restarts have been drawn.
    public let restartSummary: String?
    /// "reached in 23 steps ✓", when the scenario has a goal.
    public let goalSummary: String?

    public init(run: TrainingRun, title: String = "state", restartSummary: String? = nil, goalSummary: String? = nil) {
        self.run = run
        self.title = title
        self.restartSummary = restartSummary
        self.goalSummary = goalSummary
    }

    /// The label/value rows, top to bottom.
    public var rows: [(label: String, value: String, role: ColorRole)] {
        let record = run.current
        let names = run.objective.parameterNames
        let settings = run.optimizer.hyperparameters
        var rows: [(String, String, ColorRole)] = [
            ("step", "\(record.step)", .title),
            ("loss", Format.number(record.loss), .accent),
        ]
        let sampleCount = run.objective.sampleCount
        if case .minibatch(let size) = run.batchSize, sampleCount > 0 {
            rows.append(("batch loss", Format.number(record.batchLoss), .text))
            rows.append(("batch", size == 1 ? "1 sample (stochastic)" : "\(min(size, sampleCount)) of \(sampleCount) samples",
                         .key))
            rows.append(("epoch", "\(record.epoch)", .text))
        }
        if names.count <= 4 {
            for (name, component) in zip(names, record.gradient) {
                rows.append(("gradient \(name)", Format.number(component), .text))
            }
        }
        rows.append(("gradient norm", Format.number(record.gradientNorm), .text))
        if names.count <= 4 {
            for (name, weight) in zip(names, record.weights) {
                rows.append((name, Format.number(weight), .text))
            }
        }
        rows.append(("learning rate", Format.exact(settings.learningRate), .key))
        if run.schedule != .constant {
            rows.append(("schedule", "\(run.schedule) → \(Format.number(record.learningRate))", .key))
        }
        if let clipping = run.gradientClipping {
            rows.append(("clip norm at", Format.exact(clipping), .key))
        }
        rows.append(("momentum", Format.exact(settings.momentum), run.optimizer.kind.usesMomentum ? .key : .dim))
        rows.append(("optimizer", run.optimizer.kind.displayName, .text))
        let statusRole: ColorRole = switch run.status {
        case .running: .text
        case .converged: .good
        case .diverged: .danger
        }
        let statusText: String = switch run.status {
        case .running: "running"
        case .converged(let step): "converged at step \(step)"
        case .diverged(let step): "diverged at step \(step)"
        }
        rows.append(("status", statusText, statusRole))
        if let restartSummary { rows.append(("restarts", restartSummary, .text)) }
        if let goalSummary {
            let role: ColorRole = goalSummary.hasSuffix("✓") ? .good : (goalSummary.hasSuffix("✗") ? .danger : .text)
            rows.append(("goal", goalSummary, role))
        }
        return rows
    }

    /// The rows that fit in `height`: gradient components go first, then the
    /// weights, then the optimizer name; step, loss, gradient norm, learning
    /// rate, momentum and status always stay.
    public func rows(fitting height: Int) -> [(label: String, value: String, role: ColorRole)] {
        var rows = rows
        let names = run.objective.parameterNames
        let droppable = [names.map { "gradient \($0)" }, ["epoch", "batch loss"], names, ["optimizer"]]
        for labels in droppable where rows.count > height {
            rows.removeAll { labels.contains($0.label) }
        }
        return rows
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = Box.draw(rect, title: title, into: &buffer)
        let rows = rows(fitting: inner.height)
        let labelWidth = rows.map(\.label.count).max() ?? 0
        for (offset, row) in rows.prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let x = buffer.put(Format.padded(row.label, to: labelWidth), column: inner.x + 1, row: y,
                               style: Style(foreground: .dim), clip: inner)
            // A value too long for a narrow panel ends in "…" rather than being cut mid-word.
            let value = Format.truncated(row.value, to: max(1, inner.maxX - x - 1))
            buffer.put(" " + value, column: x, row: y, style: Style(foreground: row.role, isBold: row.role == .title),
                       clip: inner)
        }
    }
}
