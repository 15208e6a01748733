/// Hands out the batches of a run: seeded, without replacement within an
/// epoch, reshuffled at the start of every epoch.
///
/// Within an epoch every sample is used exactly once. When the batch size k
/// does not divide the n samples, the epoch's last batch holds the
/// remaining n mod k (torch's DataLoader with `drop_last=False`). The batch
/// size may change between two draws: the next batch takes the next k
/// samples of the current shuffle. A full batch uses every sample, counts
/// as a whole epoch and abandons a partly used shuffle (the next mini-batch
/// starts a fresh epoch).
///
/// A value: copying it copies the position and the generator, which is how
/// a run rewinds its sampling exactly.
public struct BatchSampler: Sendable, Equatable {
    /// The samples of the data set (0 for an analytic surface).
    public let sampleCount: Int
    private var generator: SeededGenerator
    /// This epoch's order of the samples.
    public private(set) var order: [Int] = []
    /// How many of `order` have been handed out.
    public private(set) var position = 0

    public init(sampleCount: Int, seed: UInt64) {
        precondition(sampleCount >= 0, "a data set cannot have a negative number of samples")
        self.sampleCount = sampleCount
        generator = SeededGenerator(seed: seed)
    }

    /// The next batch of `size`, and whether it completes an epoch (is the
    /// last batch of a pass over the data).
    ///
    /// - Complexity: O(k) for a batch of k; O(n) at the start of an epoch.
    public mutating func next(_ size: BatchSize) -> (batch: Batch, completesEpoch: Bool) {
        guard sampleCount > 0 else { return (.full, false) }
        switch size {
        case .full:
            position = order.count
            return (.full, true)
        case .minibatch(let requested):
            precondition(requested >= 1, "a mini-batch needs at least one sample")
            if position >= order.count {
                order = generator.shuffled(count: sampleCount)
                position = 0
            }
            let end = min(order.count, position + requested)
            let indices = Array(order[position..<end])
            position = end
            return (.samples(indices), position == order.count)
        }
    }
}
