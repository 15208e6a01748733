import DescentCore

/// A learning-rate sweep as far as it has got: the rates asked for and one
/// outcome per rate finished so far.
public struct SweepResult: Sendable {
    public struct Point: Sendable, Equatable {
        public let learningRate: Double
        public let finalLoss: Double
        public let status: RunStatus

        public init(learningRate: Double, finalLoss: Double, status: RunStatus) {
            self.learningRate = learningRate
            self.finalLoss = finalLoss
            self.status = status
        }
    }

    /// Which request this answers (the latest one wins).
    public let id: Int
    public let rates: [Double]
    public let steps: Int
    public let points: [Point]

    public init(id: Int, rates: [Double], steps: Int, points: [Point]) {
        self.id = id
        self.rates = rates
        self.steps = steps
        self.points = points
    }

    public var isComplete: Bool { points.count == rates.count }

    /// The finished point with the lowest final loss, diverged runs aside.
    public var best: Point? {
        points.filter { !$0.status.hasDiverged && $0.finalLoss.isFinite }.min { $0.finalLoss < $1.finalLoss }
    }
}
