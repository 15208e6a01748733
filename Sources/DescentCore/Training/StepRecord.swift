/// The state of a run after `step` updates: where the weights are and what
/// the loss and its gradient are there.
public struct StepRecord: Sendable, Equatable, StepStamped {
    /// Updates applied so far (0 is the start).
    public let step: Int
    /// Full passes over the data completed (0 for analytic surfaces).
    public let epoch: Int
    public let weights: [Double]
    /// The loss over all the data at `weights`.
    public let loss: Double
    /// The loss over the batch the next gradient is taken on (equal to
    /// `loss` in full-batch descent).
    public let batchLoss: Double
    /// The gradient of the batch loss at `weights`: the direction the next
    /// update moves against.
    public let gradient: [Double]
    /// The learning rate the next update uses (scheduled: the optimizer's
    /// base rate times the schedule's factor at this step).
    public let learningRate: Double

    public init(step: Int, epoch: Int, weights: [Double], loss: Double, batchLoss: Double,
                gradient: [Double], learningRate: Double) {
        self.step = step
        self.epoch = epoch
        self.weights = weights
        self.loss = loss
        self.batchLoss = batchLoss
        self.gradient = gradient
        self.learningRate = learningRate
    }

    /// ‖gradient‖₂.
    public var gradientNorm: Double {
        gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
