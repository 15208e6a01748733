import DescentCore

/// The computational graph of the loss at the current weights, with the
/// backward pass laid open: a diagram when the graph is small, and the
/// chain-rule table (every adjoint as a sum of edge terms) below it.
public struct GraphView {
    public let scenario: Scenario
    public let run: TrainingRun
    public let stepsShown: Int?
    public let scroll: Int

    public init(scenario: Scenario, run: TrainingRun, stepsShown: Int?, scroll: Int) {
        self.scenario = scenario
        self.run = run
        self.stepsShown = stepsShown
        self.scroll = scroll
    }

    /// The graph the view shows: the loss recorded at the run's weights.
    public static func trace(scenario: Scenario, weights: [Double]) -> BackwardTrace {
        var tape = Tape()
        let (output, _) = scenario.objective.record(at: weights, batch: .full, on: &tape)
        return BackwardTrace(tape: tape, output: output)
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let trace = Self.trace(scenario: scenario, weights: run.weights)
        let text = NodeText(nodes: trace.nodes)
        let count = stepsShown ?? trace.steps.count
        let (header, body) = rect.splitTop(2)
        let progress = stepsShown == nil
            ? "backward pass: all \(Format.counted(trace.steps.count, "edge")), each once"
            : "backward pass: edge \(count) of \(trace.steps.count)"
        buffer.put(" graph at step \(run.stepCount) · \(Format.counted(trace.nodes.count, "node")) · \(progress)",
                   column: header.x, row: header.y, style: Style(foreground: .title, isBold: true), clip: header)
        var explanation = " e: next edge   E: whole pass   g: back to the surface"
        if let stepsShown, stepsShown > 0, stepsShown <= trace.steps.count {
            let step = trace.steps[stepsShown - 1]
            let loss = text.name(of: trace.output)
            explanation = " ∂\(loss)/∂\(text.name(of: step.edge.parent)) += ∂\(loss)/∂\(text.name(of: step.edge.child)) · "
                + "∂\(text.name(of: step.edge.child))/∂\(text.name(of: step.edge.parent)) = "
                + "\(Format.number(step.childAdjoint)) · \(Format.number(step.edge.localPartial)) = "
                + "\(Format.number(step.contribution)) → \(Format.number(step.parentAdjointAfter))"
        }
        buffer.put(explanation, column: header.x, row: header.y + 1,
                   style: Style(foreground: stepsShown == nil ? .dim : .warning), clip: header)
        let diagram = GraphDiagram(trace: trace, text: text, stepsShown: stepsShown)
        var tableArea = body
        if let height = diagram.height(forWidth: body.width), height + 4 <= body.height {
            let (picture, rest) = body.splitTop(min(height + 1, body.height - 4))
            diagram.draw(in: Rect(x: picture.x, y: picture.y + 1, width: picture.width, height: picture.height - 1),
                         into: &buffer)
            tableArea = rest
        }
        let table = GraphTable(trace: trace, text: text, stepsShown: stepsShown, scroll: scroll)
        table.draw(in: Rect(x: tableArea.x + 1, y: tableArea.y, width: tableArea.width - 1, height: tableArea.height),
                   into: &buffer)
        if let note = table.scrollNote(height: tableArea.height), stepsShown == nil {
            buffer.put(note, column: header.maxX - note.count - 1, row: header.y + 1, style: Style(foreground: .dim),
                       clip: header)
        }
    }
}
