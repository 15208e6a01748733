// Design: the scalar `Tape`'s idea at the granularity of matrices. Each
// operation appends one entry (operation, shape, parents, where its values
// live) and its output values to one flat arena of doubles; creation order is
// a topological order, so the backward pass is one reverse sweep in which
// each entry applies its vector–Jacobian product to its parents' adjoints.
//
// Storage: one `TensorArena` object holds raw buffers (entries, values,
// adjoints, saved local partials, scratch) with logical counts. They grow by
// doubling and are never shrunk, so a training loop that records a fresh
// graph every step allocates nothing after its first step, and recording an
// operation costs a few stores, not the uniqueness and capacity checks of
// four arrays. The tape stays a value: it copies its arena before the first
// mutation of a shared one (copy on write), as an array would.

/// One recorded tensor operation.
@usableFromInline
struct TensorEntry: Sendable {
    /// Where the output starts in the values (and adjoints).
    @usableFromInline var offset: Int
    /// Where saved local partials start in the auxiliary buffer; −1 when none.
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

/// The buffers of one `TensorTape`: fixed capacities, freed with the object.
/// Every property is a constant, so reading a pointer costs no exclusivity
/// check; the logical counts live in the tape (a value). Only a tape that
/// holds the sole reference writes through the pointers
/// (`TensorTape.makeUnique`), which is what makes the unchecked `Sendable`
/// sound: a shared arena is only ever read.
@usableFromInline
final class TensorArena: @unchecked Sendable {
    @usableFromInline let entries: UnsafeMutablePointer<TensorEntry>
    @usableFromInline let entryCapacity: Int
    /// Values and adjoints share one capacity (an adjoint per value).
    @usableFromInline let values: UnsafeMutablePointer<Double>
    @usableFromInline let adjoints: UnsafeMutablePointer<Double>
    @usableFromInline let valueCapacity: Int
    @usableFromInline let auxiliary: UnsafeMutablePointer<Double>
    @usableFromInline let auxiliaryCapacity: Int
    /// Room for the backward pass's transposes.
    @usableFromInline let scratch: UnsafeMutablePointer<Double>
    @usableFromInline let scratchCapacity: Int

    @usableFromInline
    init(entryCapacity: Int = 16, valueCapacity: Int = 256, auxiliaryCapacity: Int = 4, scratchCapacity: Int = 256) {
        self.entryCapacity = entryCapacity
        self.valueCapacity = valueCapacity
        self.auxiliaryCapacity = auxiliaryCapacity
        self.scratchCapacity = scratchCapacity
        entries = .allocate(capacity: entryCapacity)
        values = .allocate(capacity: valueCapacity)
        adjoints = .allocate(capacity: valueCapacity)
        auxiliary = .allocate(capacity: auxiliaryCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        entries.deallocate()
        values.deallocate()
        adjoints.deallocate()
        auxiliary.deallocate()
        scratch.deallocate()
    }

    /// A new arena with at least the given capacities (each at least doubled
    /// when it must grow) holding this one's first `entryCount` entries,
    /// `valueCount` values and adjoints and `auxiliaryCount` saved partials.
    @usableFromInline
    func copy(entryCount: Int, valueCount: Int, auxiliaryCount: Int, minimumEntries: Int = 0, minimumValues: Int = 0,
              minimumAuxiliary: Int = 0, minimumScratch: Int = 0) -> TensorArena {
        func grown(_ capacity: Int, _ needed: Int) -> Int { needed > capacity ? Swift.max(needed, 2 * capacity) : capacity }
        let twin = TensorArena(entryCapacity: grown(entryCapacity, minimumEntries),
                               valueCapacity: grown(valueCapacity, minimumValues),
                               auxiliaryCapacity: grown(auxiliaryCapacity, minimumAuxiliary),
                               scratchCapacity: grown(scratchCapacity, minimumScratch))
        twin.entries.update(from: entries, count: entryCount)
        twin.values.update(from: values, count: valueCount)
        twin.adjoints.update(from: adjoints, count: valueCount)
        twin.auxiliary.update(from: auxiliary, count: auxiliaryCount)
        return twin
    }
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
    @usableFromInline var arena = TensorArena()
    /// The recorded entries, values and saved partials: the arena's logical sizes.
    @usableFromInline var entryCount = 0
    @usableFromInline var valueCount = 0
    @usableFromInline var auxiliaryCount = 0
    /// The scratch the backward pass needs (transposes), in doubles.
    @usableFromInline var scratchNeeded = 0
    @usableFromInline var names: [Int32: String] = [:]
    /// The output the adjoints were computed from, if `backward` has run
    /// since the last change.
    public var lastOutput: Tensor? { lastOutputStorage }
    @usableFromInline var lastOutputStorage: Tensor?

    public init() {}

    /// Copies the arena if another tape shares it (copy on write); call
    /// before every mutation.
    @inlinable @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&arena) {
            arena = arena.copy(entryCount: entryCount, valueCount: valueCount, auxiliaryCount: auxiliaryCount)
        }
    }

    /// Makes room for `entries` more entries, `values` more values and
    /// `auxiliary` more saved partials, in an arena of this tape's own.
    @inlinable @inline(__always)
    mutating func reserve(entries: Int, values: Int, auxiliary: Int) {
        makeUnique()
        if entryCount + entries > arena.entryCapacity || valueCount + values > arena.valueCapacity
            || auxiliaryCount + auxiliary > arena.auxiliaryCapacity {
            arena = arena.copy(entryCount: entryCount, valueCount: valueCount, auxiliaryCount: auxiliaryCount,
                               minimumEntries: entryCount + entries, minimumValues: valueCount + values,
                               minimumAuxiliary: auxiliaryCount + auxiliary)
        }
    }

    /// Makes the scratch area hold at least `count` doubles, in an arena of
    /// this tape's own.
    @inlinable @inline(__always)
    mutating func reserveScratch(_ count: Int) {
        makeUnique()
        if count > arena.scratchCapacity {
            arena = arena.copy(entryCount: entryCount, valueCount: valueCount, auxiliaryCount: auxiliaryCount,
                               minimumScratch: count)
        }
    }

    /// Forgets every tensor but keeps all storage.
    @inlinable @inline(__always)
    public mutating func removeAll() {
        entryCount = 0
        valueCount = 0
        auxiliaryCount = 0
        if !names.isEmpty { names.removeAll(keepingCapacity: true) }
        scratchNeeded = 0
        lastOutputStorage = nil
    }

    /// The doubles (and entries) the tape has room for: constant from step
    /// to step once a training loop has warmed up (nothing is allocated).
    public var storageCapacity: Int {
        2 * arena.valueCapacity + arena.auxiliaryCapacity + arena.scratchCapacity + arena.entryCapacity
    }

    /// The number of recorded tensors.
    @inlinable
    public var count: Int { entryCount }

    /// The shape of `tensor`.
    @inlinable
    public func shape(of tensor: Tensor) -> TensorShape { entry(tensor).shape }

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
        withValues(of: tensor) { Array($0) }
    }

    /// The single value of a 1 × 1 tensor (a loss).
    @inlinable @inline(__always)
    public func scalar(of tensor: Tensor) -> Double {
        let entry = entry(tensor)
        precondition(entry.count == 1, "scalar(of:) reads a 1×1 tensor; this one is \(entry.shape)")
        return arena.values[entry.offset]
    }

    /// Calls `body` with the values of `tensor`, without copying.
    @inlinable
    public func withValues<R>(of tensor: Tensor, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        let entry = entry(tensor)
        return try withExtendedLifetime(arena) {
            try body(UnsafeBufferPointer(start: arena.values + entry.offset, count: entry.count))
        }
    }

    /// d(output)/d(tensor) after `backward(from:)`, row-major, in the shape of
    /// `tensor` (allocates; `withAdjoint` does not).
    public func adjoint(of tensor: Tensor) -> [Double] {
        withAdjoint(of: tensor) { Array($0) }
    }

    /// d(output)/d(tensor) of a 1 × 1 tensor (a single weight) after
    /// `backward(from:)`; 0 when no gradient reaches it.
    @inlinable @inline(__always)
    public func scalarAdjoint(of tensor: Tensor) -> Double {
        precondition(lastOutput != nil, "adjoints exist only after backward(from:)")
        let entry = entry(tensor)
        precondition(entry.count == 1, "scalarAdjoint(of:) reads a 1×1 tensor; this one is \(entry.shape)")
        guard entry.needsGradient, tensor.index <= (lastOutput?.index ?? -1) else { return 0 }
        return arena.adjoints[entry.offset]
    }

    /// Calls `body` with d(output)/d(tensor) after `backward(from:)`; zeros for
    /// tensors no gradient reaches.
    @inlinable
    public func withAdjoint<R>(of tensor: Tensor, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        precondition(lastOutput != nil, "adjoints exist only after backward(from:)")
        let entry = entry(tensor)
        if !entry.needsGradient || tensor.index > (lastOutput?.index ?? -1) {
            // Never written by the backward pass: report the zeros it stands for.
            return try [Double](repeating: 0, count: entry.count).withUnsafeBufferPointer(body)
        }
        return try withExtendedLifetime(arena) {
            try body(UnsafeBufferPointer(start: arena.adjoints + entry.offset, count: entry.count))
        }
    }

    // MARK: Recording

    /// Appends an entry with room for its output (uninitialised: the
    /// operation writes every element); returns its handle.
    @inlinable
    mutating func record(
        _ operation: TensorOperation, shape: TensorShape, parents: (Tensor?, Tensor?, Tensor?) = (nil, nil, nil),
        constant: Double = 0, auxiliaryCount: Int = 0
    ) -> Tensor {
        reserve(entries: 1, values: shape.count, auxiliary: auxiliaryCount)
        return append(operation, shape: shape, parents: parents, constant: constant, auxiliaryCount: auxiliaryCount)
    }

    /// `record` without the room check: the caller has reserved room (and
    /// made the arena its own) for this entry, its values and partials.
    @inlinable @inline(__always)
    mutating func append(
        _ operation: TensorOperation, shape: TensorShape, parents: (Tensor?, Tensor?, Tensor?) = (nil, nil, nil),
        constant: Double = 0, auxiliaryCount: Int = 0
    ) -> Tensor {
        let needsGradient: Bool
        switch operation {
        case .variable: needsGradient = true
        case .constant: needsGradient = false
        default: needsGradient = reaches(parents.0) || reaches(parents.1) || reaches(parents.2)
        }
        let offset = valueCount
        valueCount += shape.count
        var auxiliaryOffset = -1
        if auxiliaryCount > 0 {
            auxiliaryOffset = self.auxiliaryCount
            self.auxiliaryCount += auxiliaryCount
        }
        (arena.entries + entryCount).initialize(to: TensorEntry(
            offset: offset, auxiliaryOffset: auxiliaryOffset,
            rows: Int32(shape.rows), columns: Int32(shape.columns),
            first: parents.0?.index ?? -1, second: parents.1?.index ?? -1, third: parents.2?.index ?? -1,
            constant: constant, operation: operation, needsGradient: needsGradient))
        entryCount += 1
        lastOutputStorage = nil
        return Tensor(index: Int32(entryCount - 1))
    }

    /// Whether a gradient flows into `parent`.
    @inlinable
    func reaches(_ parent: Tensor?) -> Bool {
        guard let parent else { return false }
        return entry(parent).needsGradient
    }

    @inlinable @inline(__always)
    func entry(_ tensor: Tensor) -> TensorEntry {
        precondition(tensor.index >= 0 && Int(tensor.index) < entryCount, "\(tensor) was not recorded on this tape")
        return arena.entries[Int(tensor.index)]
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
        if let start = source.baseAddress {
            (arena.values + arena.entries[Int(tensor.index)].offset).update(from: start, count: source.count)
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
        if let start = source.baseAddress {
            MatrixKernels.transpose(start, into: arena.values + arena.entries[Int(tensor.index)].offset,
                                    rows: columns, columns: rows)
        }
        return tensor
    }

    /// Data gathered from the rows of a row-major table: row r of the tensor
    /// is row `rows[r]` of `table` (`columns` values per row).
    @inlinable
    public mutating func constant<Rows: Collection<Int>>(gathering rows: Rows, from table: [Double], columns: Int) -> Tensor {
        precondition(!rows.isEmpty, "a tensor needs at least one row")
        let tensor = record(.constant, shape: TensorShape(rows: rows.count, columns: columns))
        var destination = arena.values + arena.entries[Int(tensor.index)].offset
        table.withUnsafeBufferPointer { source in
            for row in rows {
                precondition(row >= 0 && (row + 1) * columns <= source.count, "row \(row) is outside the table")
                for column in 0..<columns { destination[column] = source[row * columns + column] }
                destination += columns
            }
        }
        return tensor
    }

    /// A single weight (1 × 1): a leaf the gradient is taken with respect to.
    @inlinable
    public mutating func variable(_ value: Double) -> Tensor {
        let tensor = record(.variable, shape: .scalar)
        arena.values[arena.entries[Int(tensor.index)].offset] = value
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
