/// One node of a recorded graph, as a view or a test sees it.
public struct GraphNode: Sendable, Equatable {
    public let node: Node
    public let operation: Operation
    public let name: String?
    /// Forward value.
    public let value: Double
    /// The constant operand (`scale`, `shift`, `power`) or a constant's value.
    public let constant: Double
    /// Incoming edges, first operand first.
    public let parents: [Node]
    /// ∂node/∂parent for each parent, in the same order.
    public let localPartials: [Double]
    /// d(output)/d(node) after the last backward pass; nil before one.
    public let adjoint: Double?
}

/// One edge of a recorded graph: `parent` feeds `child` with local partial
/// derivative ∂child/∂parent.
public struct GraphEdge: Sendable, Equatable {
    public let parent: Node
    public let child: Node
    public let localPartial: Double
}

extension Tape {
    /// Every recorded node in creation (topological) order.
    public var nodes: [GraphNode] {
        (1..<entries.count).map { graphNode(Node(index: Int32($0))) }
    }

    /// The node behind `node`, with its parents, partials and adjoint.
    public func graphNode(_ node: Node) -> GraphNode {
        let entry = entries[Int(node.index)]
        var parents: [Node] = []
        var partials: [Double] = []
        if entry.firstParent != 0 {
            parents.append(Node(index: entry.firstParent))
            partials.append(entry.firstPartial)
        }
        if entry.secondParent != 0 {
            parents.append(Node(index: entry.secondParent))
            partials.append(entry.secondPartial)
        }
        let hasAdjoint = lastOutput != nil && Int(node.index) < adjointStorage.count
        return GraphNode(
            node: node, operation: entry.operation, name: names[node.index],
            value: entry.value, constant: entry.constant,
            parents: parents, localPartials: partials,
            adjoint: hasAdjoint ? adjointStorage[Int(node.index)] : nil)
    }

    /// Every edge, grouped by child in creation order.
    public var edges: [GraphEdge] {
        nodes.flatMap { node in
            zip(node.parents, node.localPartials).map {
                GraphEdge(parent: $0.0, child: node.node, localPartial: $0.1)
            }
        }
    }

    /// The number of edges: the work the backward pass does.
    public var edgeCount: Int {
        entries.reduce(0) { $0 + ($1.firstParent != 0 ? 1 : 0) + ($1.secondParent != 0 ? 1 : 0) }
    }

    /// The nodes recorded as variables, in creation order.
    public var variables: [Node] {
        (1..<entries.count).compactMap {
            entries[$0].operation == .variable ? Node(index: Int32($0)) : nil
        }
    }
}
