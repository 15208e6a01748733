import DescentCore

/// A small graph drawn as a picture: inputs on the left, the loss on the
/// right, one column per depth, each node with its value and adjoint, each
/// edge a line labelled with its local partial. The edge the backward pass
/// processed last is highlighted.
public struct GraphDiagram {
    public let trace: BackwardTrace
    public let text: NodeText
    public let stepsShown: Int?

    /// Graphs with more nodes are shown as a table only.
    public static let maximumNodes = 16

    public init(trace: BackwardTrace, text: NodeText, stepsShown: Int?) {
        self.trace = trace
        self.text = text
        self.stepsShown = stepsShown
    }

    /// The rows the diagram needs for `width`, or nil when it cannot be drawn
    /// legibly there (too many nodes, or labels too wide for the columns).
    public func height(forWidth width: Int) -> Int? {
        guard trace.nodes.count <= Self.maximumNodes, let layout = layout(width: width, height: 100) else { return nil }
        return min(layout.rowsNeeded, 100)
    }

    private struct Placement {
        var column: Int
        var row: Int
        var width: Int
    }

    private struct Layout {
        var placements: [Node: Placement]
        var rowsNeeded: Int
    }

    private func labels(for node: GraphNode, adjoints: [Node: Double]) -> (String, String) {
        let top = "\(text.name(of: node.node)) = \(Format.number(node.value))"
        let bottom = "∂ " + (adjoints[node.node].map { Format.number($0) } ?? "…")
        return (top, bottom)
    }

    private func layout(width: Int, height: Int) -> Layout? {
        var depth: [Node: Int] = [:]
        for node in trace.nodes {
            depth[node.node] = (node.parents.compactMap { depth[$0] }.max() ?? -1) + 1
        }
        let columns = (depth.values.max() ?? 0) + 1
        let columnWidth = width / columns
        let adjoints = trace.adjoints(afterSteps: trace.steps.count)
        let labelWidth = trace.nodes.map { node in
            let (top, bottom) = labels(for: node, adjoints: adjoints)
            return max(top.count, bottom.count)
        }.max() ?? 0
        guard columnWidth >= labelWidth + 4 else { return nil }
        var byDepth: [Int: [GraphNode]] = [:]
        for node in trace.nodes { byDepth[depth[node.node] ?? 0, default: []].append(node) }
        let tallest = byDepth.values.map(\.count).max() ?? 1
        let rowsNeeded = tallest * 3
        let usable = min(height, max(rowsNeeded, 6))
        var placements: [Node: Placement] = [:]
        for (level, nodes) in byDepth {
            for (index, node) in nodes.enumerated() {
                let centre = Double(index) + 0.5
                let row = Int(centre * Double(usable) / Double(nodes.count)) - 1
                placements[node.node] = Placement(column: level * columnWidth + (columnWidth - labelWidth) / 2,
                                                  row: max(0, row), width: labelWidth)
            }
        }
        return Layout(placements: placements, rowsNeeded: usable)
    }

    public func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard let layout = layout(width: rect.width, height: rect.height) else { return }
        let count = stepsShown ?? trace.steps.count
        let adjoints = trace.adjoints(afterSteps: count)
        let latest = count > 0 && count <= trace.steps.count ? trace.steps[count - 1] : nil

        for step in trace.steps {
            guard let from = layout.placements[step.edge.parent], let to = layout.placements[step.edge.child] else { continue }
            let isLatest = latest.map { $0.edge == step.edge } ?? false
            var canvas = BrailleCanvas(columns: rect.width, rows: rect.height)
            let start = (x: Double(from.column + from.width) * 2 + 1, y: Double(from.row) * 4 + 2)
            let end = (x: Double(to.column) * 2 - 2, y: Double(to.row) * 4 + 2)
            canvas.line(from: start, to: end)
            let role: ColorRole = isLatest ? .warning : .border
            for row in 0..<rect.height {
                for column in 0..<rect.width {
                    guard let scalar = canvas.character(column: column, row: row) else { continue }
                    buffer[rect.x + column, rect.y + row] = Cell(scalar, style: Style(foreground: role, isBold: isLatest))
                }
            }
            buffer[rect.x + to.column - 1, rect.y + to.row] = Cell("▸", style: Style(foreground: role))
            let label = "×" + Format.number(step.edge.localPartial)
            let middleColumn = (from.column + from.width + to.column) / 2 - label.count / 2
            let middleRow = (from.row + to.row) / 2
            buffer.put(label, column: rect.x + middleColumn, row: rect.y + middleRow,
                       style: Style(foreground: isLatest ? .warning : .dim), clip: rect)
        }
        for node in trace.nodes {
            guard let place = layout.placements[node.node] else { continue }
            let (top, bottom) = labels(for: node, adjoints: adjoints)
            let isOutput = node.node == trace.output
            let isVariable = node.operation == .variable
            buffer.put(Format.paddedRight(top, to: place.width), column: rect.x + place.column, row: rect.y + place.row,
                       style: Style(foreground: isOutput ? .accent : (isVariable ? .key : .title), isBold: true), clip: rect)
            let isUpdated = latest?.edge.parent == node.node
            buffer.put(Format.paddedRight(bottom, to: place.width), column: rect.x + place.column,
                       row: rect.y + place.row + 1,
                       style: Style(foreground: isUpdated ? .warning : (adjoints[node.node] == nil ? .dim : .good),
                                    isBold: isUpdated), clip: rect)
        }
    }
}
