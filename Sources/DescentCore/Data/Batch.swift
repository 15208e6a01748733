/// Which samples a loss is computed over.
public enum Batch: Sendable, Equatable {
    /// Every sample (and the only choice for an analytic surface).
    case full
    /// The samples at these indices.
    case samples([Int])

    /// The indices to visit for a data set of `count` samples.
    @inlinable
    public func indices(in count: Int) -> [Int] {
        switch self {
        case .full: Array(0..<count)
        case .samples(let indices): indices
        }
    }
}
