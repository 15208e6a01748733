// Design: the scalar `Tape`'s idea at the granularity of matrices. Each
// operation appends one entry (operation, shape, parents, where its values
// live) and its output values to one flat arena of doubles; creation order is
// a topological order, so the backward pass is one reverse sweep in which
// each entry applies its vector–Jacobian product to its parents' adjoints.
// Three arenas (values, adjoints, saved local partials) and a scratch area
// keep their capacity across `removeAll()`, so a training loop that records a
// fresh graph every step allocates nothing after its first step.

/// One recorded tensor operation.
@usableFromInline
struct TensorEntry: Sendable {
    /// Where the output starts in `values` (and `adjoints`).
    @usableFromInline var offset: Int
    /// Where saved local partials start in `auxiliary`; −1 when none.
    @usableFromInline var auxiliaryOffset: Int
    @usableFromInline var rows: Int32
    @usableFromInline var columns: Int32
    /// Parent indices; −1 when absent.
    @usableFromInline var first: Int32
    @usableFromInline var second: Int32
    @usableFromInline var third: Int32
    /// The constant operand of `scale`.
    @usableFromInline var constant: Double
    @usableFromInline var operation: TensorOperation
    /// Whether any variable reaches this entry (else no gradient flows into it).
    @usableFromInline var needsGradient: Bool

    @inlinable
    init(offset: Int, auxiliaryOffset: Int, rows: Int32, columns: Int32, first: Int32, second: Int32, third: Int32,
         constant: Double, operation: TensorOperation, needsGradient: Bool) {
        self.offset = offset
        self.auxiliaryOffset = auxiliaryOffset
        self.rows = rows
        self.columns = columns
        self.first = first
        self.second = second
        self.third = third
        self.constant = constant
        self.operation = operation
        self.needsGradient = needsGradient
    }

    @inlinable
    var count: Int { Int(rows) * Int(columns) }

    @inlinable
    var shape: TensorShape { TensorShape(rows: Int(rows), columns: Int(columns)) }
}

/// A reverse-mode automatic differentiation tape whose values are matrices:
/// the vectorised path for neural networks.
///
/// Record a computation with the operations (`affine`, `tanh`,
/// `meanSquaredError`, …), then `backward(from:)` fills every adjoint:
///
///     var tape = TensorTape()
///     let x = tape.constant([1, 2, 3, 4], rows: 2, columns: 2)
///     let w = tape.variable([0.5, -1, 2, 0.25], rows: 2, columns: 2, name: "W")
///     let b = tape.variable([0, 1], rows: 1, columns: 2, name: "b")
///     let loss = tape.mean(tape.tanh(tape.affine(x, w, b)))
///     tape.backward(from: loss)
///     tape.adjoint(of: w)   // ∂loss/∂W, 2 × 2, row-major
///
/// Every node stays introspectable (`nodes`, `edges`: operation, shape,
/// values, adjoints), like the scalar `Tape`'s.
public struct TensorTape: Sendable {
    @usableFromInline var entries: ContiguousArray<TensorEntry> = []
    @usableFromInline var values: ContiguousArray<Double> = []
    @usableFromInline var adjoints: ContiguousArray<Double> = []
    @usableFromInline var auxiliary: ContiguousArray<Double> = []
    @usableFromInline var scratch: ContiguousArray<Double> = []
    /// The scratch the backward pass needs (transposes), in doubles.
    @usableFromInline var scratchNeeded = 0
    @usableFromInline var names: [Int32: String] = [:]
    /// The output the adjoints were computed from, if `backward` has run
    /// since the last change.
    public var lastOutput: Tensor? { lastOutputStorage }
    @usableFromInline var lastOutputStorage: Tensor?

    public init() {}

    /// Forgets every tensor but keeps all storage.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        auxiliary.removeAll(keepingCapacity: true)
        if !names.isEmpty { names.removeAll(keepingCapacity: true) }
        scratchNeeded = 0
        lastOutputStorage = nil
    }

    /// The doubles the tape has room for in its arenas: constant from step to
    /// step once a training loop has warmed up (nothing is allocated).
    public var storageCapacity: Int {
        values.capacity + adjoints.capacity + auxiliary.capacity + scratch.capacity + entries.capacity
    }

    /// The number of recorded tensors.
    @inlinable
    public var count: Int { entries.count }

    /// The shape of `tensor`.
    @inlinable
    public func shape(of tensor: Tensor) -> TensorShape { entries[Int(tensor.index)].shape }

    /// The name given to `tensor` when it was recorded, if any.
    public func name(of tensor: Tensor) -> String? { names[tensor.index] }

    /// Names `tensor`, for display; returns it for chaining.
    @discardableResult
    public mutating func name(_ tensor: Tensor, _ name: String) -> Tensor {
        names[tensor.index] = name
        return tensor
    }

    // MARK: Reading values and adjoints

    /// The forward values of `tensor`, row-major (allocates; for views and tests).
    public func value(of tensor: Tensor) -> [Double] {
        let entry = entries[Int(tensor.index)]
        return Array(values[entry.offset..<(entry.offset + entry.count)])
    }

    /// The single value of a 1 × 1 tensor (a loss).
    @inlinable
    public func scalar(of tensor: Tensor) -> Double {
        let entry = entries[Int(tensor.index)]
        precondition(entry.count == 1, "scalar(of:) reads a 1×1 tensor; this one is \(entry.shape)")
        return values[entry.offset]
    }

    /// Calls `body` with the values of `tensor`, without copying.
    @inlinable
    public func withValues<R>(of tensor: Tensor, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        let entry = entries[Int(tensor.index)]
        return try values.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[entry.offset..<(entry.offset + entry.count)]))
        }
    }

    /// d(output)/d(tensor) after `backward(from:)`, row-major, in the shape of
    /// `tensor` (allocates; `withAdjoint` does not).
    public func adjoint(of tensor: Tensor) -> [Double] {
        withAdjoint(of: tensor) { Array($0) }
    }

    /// Calls `body` with d(output)/d(tensor) after `backward(from:)`; zeros for
    /// tensors no gradient reaches.
    @inlinable
    public func withAdjoint<R>(of tensor: Tensor, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        precondition(lastOutput != nil, "adjoints exist only after backward(from:)")
        let entry = entries[Int(tensor.index)]
        return try adjoints.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[entry.offset..<(entry.offset + entry.count)]))
        }
    }

    // MARK: Recording

    /// Appends an entry with room for its output; returns its handle.
    @inlinable
    mutating func record(
        _ operation: TensorOperation, shape: TensorShape, parents: (Tensor?, Tensor?, Tensor?) = (nil, nil, nil),
        constant: Double = 0, auxiliaryCount: Int = 0
    ) -> Tensor {
        let needsGradient: Bool
        switch operation {
        case .variable: needsGradient = true
        case .constant: needsGradient = false
        default:
            needsGradient = reaches(parents.0) || reaches(parents.1) || reaches(parents.2)
        }
        let offset = values.count
        // Small outputs (a loss, a single weight) append directly: cheaper than
        // the generic sequence append in a loop that runs every step.
        if shape.count <= 2 {
            for _ in 0..<shape.count { values.append(0) }
        } else {
            values.append(contentsOf: repeatElement(0, count: shape.count))
        }
        var auxiliaryOffset = -1
        if auxiliaryCount > 0 {
            auxiliaryOffset = auxiliary.count
            auxiliary.append(contentsOf: repeatElement(0, count: auxiliaryCount))
        }
        entries.append(TensorEntry(
            offset: offset, auxiliaryOffset: auxiliaryOffset,
            rows: Int32(shape.rows), columns: Int32(shape.columns),
            first: parents.0?.index ?? -1, second: parents.1?.index ?? -1, third: parents.2?.index ?? -1,
            constant: constant, operation: operation, needsGradient: needsGradient))
        lastOutputStorage = nil
        return Tensor(index: Int32(entries.count - 1))
    }

    /// Whether a gradient flows into `parent`.
    @inlinable
    func reaches(_ parent: Tensor?) -> Bool {
        guard let parent else { return false }
        return entries[Int(parent.index)].needsGradient
    }

    /// Runs `body` with a pointer to the start of the value arena.
    @inlinable
    mutating func withValueStorage<R>(_ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                preconditionFailure("a recorded tensor always has at least one value")
            }
            return body(base)
        }
    }

    @inlinable
    func entry(_ tensor: Tensor) -> TensorEntry {
        precondition(Int(tensor.index) < entries.count, "\(tensor) was not recorded on this tape")
        return entries[Int(tensor.index)]
    }

    /// A leaf whose values are copied from `source`.
    @inlinable
    mutating func leaf(
        _ operation: TensorOperation, _ source: UnsafeBufferPointer<Double>, rows: Int, columns: Int, name: String?
    ) -> Tensor {
        let shape = TensorShape(rows: rows, columns: columns)
        precondition(source.count == shape.count,
                     "a \(shape) tensor needs \(shape.count) values, got \(source.count)")
        let tensor = record(operation, shape: shape)
        let offset = entries[Int(tensor.index)].offset
        withValueStorage { base in
            if let start = source.baseAddress { (base + offset).update(from: start, count: source.count) }
        }
        if let name { names[tensor.index] = name }
        return tensor
    }

    /// A weight matrix: a leaf the gradient is taken with respect to.
    @inlinable
    public mutating func variable(_ values: UnsafeBufferPointer<Double>, rows: Int, columns: Int, name: String? = nil) -> Tensor {
        leaf(.variable, values, rows: rows, columns: columns, name: name)
    }

    /// A weight matrix: a leaf the gradient is taken with respect to.
    @inlinable
    public mutating func variable(_ values: [Double], rows: Int, columns: Int, name: String? = nil) -> Tensor {
        values.withUnsafeBufferPointer { variable($0, rows: rows, columns: columns, name: name) }
    }

    /// A weight matrix given transposed: `source` holds a `columns × rows`
    /// matrix row-major (a layer's `A[j][k]`, unit by input) and the tensor
    /// is its `rows × columns` transpose (input by unit, what `affine` takes).
    @inlinable
    public mutating func variable(transposing source: UnsafeBufferPointer<Double>, rows: Int, columns: Int) -> Tensor {
        let shape = TensorShape(rows: rows, columns: columns)
        precondition(source.count == shape.count, "a \(shape) tensor needs \(shape.count) values, got \(source.count)")
        let tensor = record(.variable, shape: shape)
        let offset = entries[Int(tensor.index)].offset
        withValueStorage { base in
            if let start = source.baseAddress {
                MatrixKernels.transpose(start, into: base + offset, rows: columns, columns: rows)
            }
        }
        return tensor
    }

    /// Data gathered from the rows of a row-major table: row r of the tensor
    /// is row `rows[r]` of `table` (`columns` values per row).
    @inlinable
    public mutating func constant<Rows: Collection<Int>>(gathering rows: Rows, from table: [Double], columns: Int) -> Tensor {
        precondition(!rows.isEmpty, "a tensor needs at least one row")
        let tensor = record(.constant, shape: TensorShape(rows: rows.count, columns: columns))
        let offset = entries[Int(tensor.index)].offset
        withValueStorage { base in
            table.withUnsafeBufferPointer { source in
                var destination = base + offset
                for row in rows {
                    precondition(row >= 0 && (row + 1) * columns <= source.count, "row \(row) is outside the table")
                    for column in 0..<columns { destination[column] = source[row * columns + column] }
                    destination += columns
                }
            }
        }
        return tensor
    }

    /// A single weight (1 × 1): a leaf the gradient is taken with respect to.
    @inlinable
    public mutating func variable(_ value: Double) -> Tensor {
        let tensor = record(.variable, shape: .scalar)
        values[entries[Int(tensor.index)].offset] = value
        return tensor
    }

    /// Data: a leaf no gradient flows into.
    @inlinable
    public mutating func constant(_ values: UnsafeBufferPointer<Double>, rows: Int, columns: Int, name: String? = nil) -> Tensor {
        leaf(.constant, values, rows: rows, columns: columns, name: name)
    }

    /// Data: a leaf no gradient flows into.
    @inlinable
    public mutating func constant(_ values: [Double], rows: Int, columns: Int, name: String? = nil) -> Tensor {
        values.withUnsafeBufferPointer { constant($0, rows: rows, columns: columns, name: name) }
    }
}
