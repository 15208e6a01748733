/// One node of a recorded tensor graph, as a view or a test sees it.
public struct TensorNode: Sendable, Equatable {
    public let tensor: Tensor
    public let operation: TensorOperation
    public let name: String?
    public let shape: TensorShape
    /// Incoming edges, in operand order.
    public let parents: [Tensor]
    /// Forward values, row-major.
    public let values: [Double]
    /// d(output)/d(node) after the last backward pass, row-major; nil before
    /// one, and for nodes no gradient reaches (data).
    public let adjoint: [Double]?
    /// The constant operand of `scale`; 0 otherwise.
    public let constant: Double
    /// Local partials a fused operation saved (∂L/∂w, ∂L/∂b); empty otherwise.
    public let localPartials: [Double]
}

/// One edge of a tensor graph: `parent` is an operand of `child`.
public struct TensorEdge: Sendable, Equatable {
    public let parent: Tensor
    public let child: Tensor
}

extension TensorTape {
    /// Every recorded tensor in creation (topological) order.
    public var nodes: [TensorNode] {
        (0..<count).map { node(Tensor(index: Int32($0))) }
    }

    /// The node behind `tensor`.
    public func node(_ tensor: Tensor) -> TensorNode {
        let entry = entry(tensor)
        let parents = [entry.first, entry.second, entry.third].filter { $0 >= 0 }.map { Tensor(index: $0) }
        let hasAdjoint = lastOutput != nil && entry.needsGradient && tensor.index <= (lastOutput?.index ?? -1)
        let partials = entry.auxiliaryOffset >= 0
            ? withExtendedLifetime(arena) { Array(UnsafeBufferPointer(start: arena.auxiliary + entry.auxiliaryOffset, count: 2)) }
            : []
        return TensorNode(
            tensor: tensor, operation: entry.operation, name: names[tensor.index], shape: entry.shape,
            parents: parents, values: value(of: tensor), adjoint: hasAdjoint ? adjoint(of: tensor) : nil,
            constant: entry.constant, localPartials: partials)
    }

    /// Every edge, grouped by child in creation order.
    public var edges: [TensorEdge] {
        nodes.flatMap { node in node.parents.map { TensorEdge(parent: $0, child: node.tensor) } }
    }

    /// The tensors recorded as variables, in creation order.
    public var variables: [Tensor] {
        (0..<count).compactMap { entry(Tensor(index: Int32($0))).operation == .variable ? Tensor(index: Int32($0)) : nil }
    }
}
