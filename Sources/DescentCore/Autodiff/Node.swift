/// A handle to one value recorded on a `Tape`.
///
/// A node is only an index: it is meaningful on the tape that created it and
/// cheap to copy, store and compare.
public struct Node: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position on the tape. Creation order is a topological order, which is
    /// why the backward pass needs no graph search.
    public let index: Int32

    @inlinable
    init(index: Int32) { self.index = index }

    /// The tape's sink: where leaves point their (absent) parents, so the
    /// backward sweep needs no branch per node.
    @usableFromInline
    static let sink = Node(index: 0)

    public static func < (lhs: Node, rhs: Node) -> Bool { lhs.index < rhs.index }

    public var description: String { "n\(index)" }
}
