import DescentCore

/// How a graph node is written: its name, and the operation that made it in
/// terms of its parents' names (`c = a + b`).
public struct NodeText: Sendable {
    private var names: [Node: String] = [:]

    /// Names every node: the name given when it was recorded, else
    /// `x1`, `x2` … for unnamed variables and `n7` (its tape index) for
    /// intermediate values.
    public init(nodes: [GraphNode]) {
        var variableCount = 0
        for node in nodes {
            if let name = node.name {
                names[node.node] = name
            } else if node.operation == .variable {
                variableCount += 1
                names[node.node] = "x\(variableCount)"
            } else if node.operation == .constant {
                names[node.node] = Format.number(node.value)
            } else {
                names[node.node] = "n\(node.node.index)"
            }
        }
    }

    public func name(of node: Node) -> String { names[node] ?? "n\(node.index)" }

    /// The right-hand side of the node's definition (`a + b`, `tanh(c)`,
    /// `d × 0.5`); "input" for variables and the value for constants.
    public func expression(of node: GraphNode) -> String {
        let p = node.parents.map(name(of:))
        let first = p.first ?? "?", second = p.count > 1 ? p[1] : "?"
        let c = Format.number(node.constant)
        switch node.operation {
        case .sink: return ""
        case .variable: return "weight"
        case .constant: return Format.number(node.value)
        case .add: return "\(first) + \(second)"
        case .subtract: return "\(first) − \(second)"
        case .multiply: return "\(first) × \(second)"
        case .divide: return "\(first) ÷ \(second)"
        case .negate: return "−\(first)"
        case .scale: return "\(first) × \(c)"
        case .shift: return node.constant < 0 ? "\(first) − \(Format.number(-node.constant))" : "\(first) + \(c)"
        case .power: return "\(first) ^ \(c)"
        case .powerOfVariable: return "\(first) ^ \(second)"
        case .square: return "\(first)²"
        case .squareRoot: return "√\(first)"
        case .abs: return "|\(first)|"
        case .exp, .log, .sin, .cos, .tanh, .sigmoid, .relu: return "\(node.operation.symbol)(\(first))"
        case .minimum, .maximum: return "\(node.operation.symbol)(\(first), \(second))"
        }
    }
}
