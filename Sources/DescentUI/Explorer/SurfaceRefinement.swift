/// How far a progressively sampled surface has got: pass `pass` of `passes`,
/// each pass sampling the grid more finely.
public struct SurfaceRefinement: Sendable, Equatable, Hashable {
    public let pass: Int
    public let passes: Int

    public init(pass: Int, passes: Int) {
        self.pass = pass
        self.passes = passes
    }

    public var isFinal: Bool { pass >= passes }

    /// A surface sampled in one go.
    public static let complete = SurfaceRefinement(pass: 1, passes: 1)
}
