/// How many samples each gradient is taken over.
///
/// Full batch gives the true gradient of the loss; a mini-batch of k samples
/// a noisy estimate of it, cheaper by n/k; k = 1 is stochastic gradient
/// descent. For an analytic surface (no samples) every size means the full
/// loss.
public enum BatchSize: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Every sample in every step (one step is one epoch).
    case full
    /// k samples per step (k ≥ 1), drawn without replacement from a seeded
    /// shuffle of the data that is redrawn each epoch. A k larger than the
    /// data set means every sample, as torch's DataLoader does.
    case minibatch(Int)

    /// One sample per step: stochastic gradient descent.
    public static var stochastic: BatchSize { .minibatch(1) }

    /// "full" or the number of samples.
    public var description: String {
        switch self {
        case .full: "full"
        case .minibatch(let size): "\(size)"
        }
    }
}
