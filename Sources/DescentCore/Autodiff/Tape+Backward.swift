extension Tape {
    /// Back-propagation: the derivative of `output` with respect to every node
    /// recorded before it, stored as each node's adjoint.
    ///
    /// Walks the tape once in reverse. Each edge adds `adjoint(child) ·
    /// ∂child/∂parent` to its parent's adjoint, so a node used twice receives
    /// both contributions (the sum rule).
    ///
    /// - Complexity: O(edges) time, O(nodes) extra memory.
    public mutating func backward(from output: Node) {
        let count = Int(output.index) + 1
        precondition(output.index > 0 && count <= entries.count,
                     "backward(from:) needs a node recorded on this tape")
        adjointStorage.removeAll(keepingCapacity: true)
        adjointStorage.append(contentsOf: repeatElement(0, count: entries.count))
        adjointStorage.withUnsafeMutableBufferPointer { adjoints in
            entries.withUnsafeBufferPointer { entries in
                adjoints[Int(output.index)] = 1
                var i = Int(output.index)
                while i > 0 {
                    let entry = entries[i]
                    let g = adjoints[i]
                    // Accumulate, never assign: a value used twice receives both
                    // contributions. Missing parents point at the sink (slot 0).
                    adjoints[Int(entry.firstParent)] += g * entry.firstPartial
                    adjoints[Int(entry.secondParent)] += g * entry.secondPartial
                    i -= 1
                }
            }
        }
        lastOutput = output
    }

    /// d(output)/d(node) after `backward(from:)`; 0 for nodes recorded after
    /// the output (they cannot influence it).
    @inlinable
    public func adjoint(of node: Node) -> Double {
        let i = Int(node.index)
        return i < adjointStorage.count ? adjointStorage[i] : 0
    }

    /// Runs the backward pass and returns d(output)/d(each of `nodes`).
    public mutating func gradient(of output: Node, withRespectTo nodes: [Node]) -> [Double] {
        backward(from: output)
        return nodes.map { adjoint(of: $0) }
    }
}
