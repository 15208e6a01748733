/// A handle to one matrix recorded on a `TensorTape`: an index, meaningful on
/// the tape that created it, cheap to copy and compare.
public struct Tensor: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position on the tape; creation order is a topological order.
    public let index: Int32

    @inlinable
    init(index: Int32) { self.index = index }

    public static func < (lhs: Tensor, rhs: Tensor) -> Bool { lhs.index < rhs.index }

    public var description: String { "t\(index)" }
}

/// The shape of a tensor: a `rows × columns` matrix of doubles, stored
/// row-major. A column vector is `n × 1`, a scalar `1 × 1`. In a batch, rows
/// are samples and columns features.
public struct TensorShape: Hashable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int

    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0, "a tensor needs at least one row and one column, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
    }

    /// The 1 × 1 shape of a loss.
    public static let scalar = TensorShape(rows: 1, columns: 1)

    /// The number of elements.
    @inlinable
    public var count: Int { rows * columns }

    public var description: String { "\(rows)×\(columns)" }
}
