/// One edge of a backward pass, as it is processed: the child's adjoint
/// times the edge's local partial is added to the parent's adjoint.
///
///     adjoint(parent) += adjoint(child) · ∂child/∂parent
public struct BackwardStep: Sendable, Equatable {
    public let edge: GraphEdge
    /// d(output)/d(child), complete by the time its edges are processed.
    public let childAdjoint: Double
    /// `childAdjoint · edge.localPartial`.
    public let contribution: Double
    /// The parent's adjoint after this contribution.
    public let parentAdjointAfter: Double
}

/// The backward pass of a recorded graph, edge by edge, in the order
/// `Tape.backward(from:)` processes them (children from the output back to
/// the first node; each child's first operand, then its second), so a view
/// can replay it one edge at a time and show the sum rule's terms.
public struct BackwardTrace: Sendable {
    public let output: Node
    public let steps: [BackwardStep]
    /// Every node that can reach the output, in creation order.
    public let nodes: [GraphNode]

    /// Traces the backward pass of `output` on `tape`.
    ///
    /// - Complexity: O(nodes + edges).
    public init(tape: Tape, output: Node) {
        self.output = output
        let all = tape.nodes.filter { $0.node <= output }
        var adjoints = [Node: Double]()
        adjoints[output] = 1
        var steps: [BackwardStep] = []
        for node in all.reversed() {
            let childAdjoint = adjoints[node.node] ?? 0
            for (parent, partial) in zip(node.parents, node.localPartials) {
                let contribution = childAdjoint * partial
                let after = (adjoints[parent] ?? 0) + contribution
                adjoints[parent] = after
                steps.append(BackwardStep(edge: GraphEdge(parent: parent, child: node.node, localPartial: partial),
                                          childAdjoint: childAdjoint, contribution: contribution,
                                          parentAdjointAfter: after))
            }
        }
        self.steps = steps
        // Nodes that cannot influence the output (recorded but unused) are left out.
        var reaches: Set<Node> = [output]
        for node in all.reversed() where reaches.contains(node.node) {
            reaches.formUnion(node.parents)
        }
        nodes = all.filter { reaches.contains($0.node) }
    }

    /// Each node's adjoint after the first `count` edges (the output's is 1
    /// from the start; nodes not yet reached are absent).
    public func adjoints(afterSteps count: Int) -> [Node: Double] {
        var adjoints: [Node: Double] = [output: 1]
        for step in steps.prefix(max(0, count)) { adjoints[step.edge.parent] = step.parentAdjointAfter }
        return adjoints
    }

    /// The edges leaving `node` (towards the output): the terms of its adjoint.
    public func outgoingSteps(of node: Node) -> [BackwardStep] {
        steps.filter { $0.edge.parent == node }
    }
}
