// Design: a tape, not a graph of objects. Each operation appends one entry
// holding its value, its parents and its local partial derivatives. Creation
// order is already a topological order, so the backward pass is one reverse
// sweep over an array: no recursion, no reference cycles, and a cost linear in
// the number of edges. Entries are stored as one contiguous array of small
// structs, so recording an operation is a single append.

/// One recorded operation: forward value, parents and local partials.
@usableFromInline
struct TapeEntry: Sendable {
    @usableFromInline var value: Double
    @usableFromInline var firstPartial: Double
    @usableFromInline var secondPartial: Double
    /// The constant operand of `scale`, `shift` and `power`; a constant's value.
    @usableFromInline var constant: Double
    @usableFromInline var firstParent: Int32
    @usableFromInline var secondParent: Int32
    @usableFromInline var operation: Operation

    @inlinable
    init(
        value: Double, operation: Operation,
        firstParent: Int32 = 0, firstPartial: Double = 0,
        secondParent: Int32 = 0, secondPartial: Double = 0,
        constant: Double = 0
    ) {
        self.value = value
        self.firstPartial = firstPartial
        self.secondPartial = secondPartial
        self.constant = constant
        self.firstParent = firstParent
        self.secondParent = secondParent
        self.operation = operation
    }
}

/// A reverse-mode automatic differentiation tape.
///
/// Record a computation with the operation methods (`add`, `multiply`,
/// `tanh`, …), then call `backward(from:)` to obtain the derivative of one
/// output with respect to every node:
///
///     var tape = Tape()
///     let a = tape.variable(2, name: "a"), b = tape.variable(1, name: "b")
///     let f = tape.multiply(tape.add(a, b), tape.shift(b, by: 1))
///     tape.backward(from: f)
///     tape.adjoint(of: a)  // 2  (df/da = d)
///     tape.adjoint(of: b)  // 5  (df/db = d + c: the sum rule)
///
/// Everything recorded stays introspectable (`nodes`, `edges`) so a view can
/// draw the graph and step through the backward pass.
public struct Tape: Sendable {
    @usableFromInline var entries: ContiguousArray<TapeEntry>
    @usableFromInline var adjointStorage: ContiguousArray<Double> = []
    @usableFromInline var names: [Int32: String] = [:]
    /// The output the adjoints were computed from, if `backward` has run.
    public internal(set) var lastOutput: Node?

    /// An empty tape with room for `capacity` operations before it grows.
    public init(capacity: Int = 0) {
        entries = []
        entries.reserveCapacity(capacity + 1)
        entries.append(TapeEntry(value: 0, operation: .sink))
    }

    /// Forgets every node but keeps the storage, so a loop that records a
    /// fresh graph each step allocates nothing after the first step.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        entries.append(TapeEntry(value: 0, operation: .sink))
        adjointStorage.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        lastOutput = nil
    }

    /// The number of recorded nodes.
    @inlinable
    public var count: Int { entries.count - 1 }

    /// The forward value of `node`.
    @inlinable
    public func value(of node: Node) -> Double { entries[Int(node.index)].value }

    /// The name given to `node` when it was recorded, if any.
    public func name(of node: Node) -> String? { names[node.index] }

    /// Names `node`, for display; returns it for chaining.
    @discardableResult
    public mutating func name(_ node: Node, _ name: String) -> Node {
        names[node.index] = name
        return node
    }

    @inlinable
    @discardableResult
    mutating func record(_ entry: TapeEntry) -> Node {
        entries.append(entry)
        return Node(index: Int32(truncatingIfNeeded: entries.count - 1))
    }

    /// A weight or input: a leaf the gradient is taken with respect to.
    @inlinable
    public mutating func variable(_ value: Double, name: String? = nil) -> Node {
        let node = record(TapeEntry(value: value, operation: .variable))
        if let name { names[node.index] = name }
        return node
    }

    /// A number with no parents (its adjoint is computed but rarely wanted).
    @inlinable
    public mutating func constant(_ value: Double) -> Node {
        record(TapeEntry(value: value, operation: .constant, constant: value))
    }
}
