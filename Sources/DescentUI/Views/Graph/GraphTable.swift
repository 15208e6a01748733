import DescentCore

/// The chain rule as a table: each node's definition, value, and its
/// adjoint written out as the sum over its outgoing edges of
/// (child's adjoint) · (local partial). A node with two outgoing edges shows
/// the sum rule's two terms.
public struct GraphTable {
    public let trace: BackwardTrace
    public let text: NodeText
    /// Edges processed so far; nil when the whole pass is shown.
    public let stepsShown: Int?
    /// Rows scrolled past at the top.
    public let scroll: Int

    public init(trace: BackwardTrace, text: NodeText, stepsShown: Int?, scroll: Int) {
        self.trace = trace
        self.text = text
        self.stepsShown = stepsShown
        self.scroll = scroll
    }

    /// One row per node, output first (the order the backward pass visits them).
    public func rows() -> [(node: GraphNode, definition: String, value: String, adjoint: String, terms: String)] {
        let count = stepsShown ?? trace.steps.count
        let adjoints = trace.adjoints(afterSteps: count)
        let processed = Set(trace.steps.prefix(count).map { "\($0.edge.parent.index)>\($0.edge.child.index)" })
        return trace.nodes.reversed().map { node in
            let name = text.name(of: node.node)
            let definition = node.operation == .variable || node.operation == .constant
                ? name : "\(name) = \(text.expression(of: node))"
            let outgoing = trace.outgoingSteps(of: node.node)
            let done = outgoing.filter { processed.contains("\($0.edge.parent.index)>\($0.edge.child.index)") }
            let terms = done.map { "\(Format.number($0.childAdjoint))·\(Format.number($0.edge.localPartial))" }
            var termText = terms.joined(separator: " + ")
            if node.node == trace.output { termText = "(the loss itself)" }
            if done.count < outgoing.count { termText += termText.isEmpty ? "…" : " + …" }
            // "…" alone: nothing has reached the node yet; "0.5…": some of its terms are in.
            let adjoint = adjoints[node.node].map { Format.number($0) + (done.count < outgoing.count ? "…" : "") } ?? "…"
            return (node, definition, Format.number(node.value), adjoint, termText)
        }
    }

    /// "rows 1–24 of 44 (↑ ↓ scroll)" when the table does not fit `height`; nil when it does.
    public func scrollNote(height: Int) -> String? {
        let count = trace.nodes.count
        guard count > height - 1 else { return nil }
        let first = min(scroll, count - 1) + 1
        return "rows \(first)–\(min(count, first + height - 2)) of \(count) (↑ ↓ scroll)"
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height >= 2 else { return }
        let rows = rows()
        let lossName = text.name(of: trace.output)
        let definitionWidth = min(max(4, rows.map(\.definition.count).max() ?? 0), max(8, rect.width / 3))
        let valueWidth = max(5, rows.map(\.value.count).max() ?? 0)
        let adjointWidth = max(9, rows.map(\.adjoint.count).max() ?? 0)
        let header = Format.paddedRight("node", to: definitionWidth) + "  " + Format.padded("value", to: valueWidth)
            + "  " + Format.padded("∂\(lossName)/∂node", to: adjointWidth) + "  = Σ ∂\(lossName)/∂child · ∂child/∂node"
        buffer.put(header, column: rect.x, row: rect.y, style: Style(foreground: .dim, isUnderlined: true), clip: rect)
        let visible = rows.dropFirst(max(0, min(scroll, rows.count - 1))).prefix(rect.height - 1)
        let latest = stepsShown.flatMap { $0 > 0 && $0 <= trace.steps.count ? trace.steps[$0 - 1] : nil }
        for (offset, row) in visible.enumerated() {
            let y = rect.y + 1 + offset
            let isLatest = latest?.edge.parent == row.node.node
            let isPending = row.adjoint.hasSuffix("…")
            var x = buffer.put(Format.paddedRight(Format.truncated(row.definition, to: definitionWidth), to: definitionWidth),
                               column: rect.x, row: y, style: Style(foreground: .text, isBold: isLatest), clip: rect)
            x = buffer.put("  " + Format.padded(row.value, to: valueWidth), column: x, row: y,
                           style: Style(foreground: .dim), clip: rect)
            x = buffer.put("  " + Format.padded(row.adjoint, to: adjointWidth), column: x, row: y,
                           style: Style(foreground: isLatest ? .warning : (isPending ? .dim : .accent), isBold: isLatest),
                           clip: rect)
            buffer.put("  " + row.terms, column: x, row: y,
                       style: Style(foreground: isLatest ? .warning : .text), clip: rect)
        }

    }
}
