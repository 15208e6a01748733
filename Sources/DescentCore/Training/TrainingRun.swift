/// A descent run: the weights, the optimizer and everything that happened.
///
/// The invariant: `current` holds the loss and gradient at the current
/// weights, so the next `step()` moves along a gradient a person has already
/// seen on screen.
public struct TrainingRun: Sendable {
    public let objective: any Objective
    public let start: [Double]
    public var optimizer: Optimizer
    public var criteria: StoppingCriteria
    public private(set) var history = RunHistory()
    public private(set) var status: RunStatus = .running

    public init(objective: any Objective, start: [Double], optimizer: Optimizer,
                criteria: StoppingCriteria = StoppingCriteria()) {
        precondition(start.count == objective.dimension,
                     "the start needs one value per weight (\(objective.parameterNames))")
        self.objective = objective
        self.start = start
        self.optimizer = optimizer
        self.criteria = criteria
        history.append(record(at: start, step: 0))
        status = statusAfterLatestStep()
    }

    /// The latest record: the current weights, loss and gradient.
    public var current: StepRecord {
        guard let last = history.last else { preconditionFailure("a run always holds its start") }
        return last
    }

    public var weights: [Double] { current.weights }
    public var stepCount: Int { current.step }

    /// Applies `count` updates. A diverged run does not move (its weights are
    /// no longer numbers worth updating); a converged one keeps stepping.
    public mutating func step(count: Int = 1) {
        for _ in 0..<max(0, count) {
            if status.hasDiverged { return }
            var weights = current.weights
            optimizer.update(&weights, along: current.gradient)
            history.append(record(at: weights, step: current.step + 1))
            status = statusAfterLatestStep()
        }
    }

    /// Back to the start with fresh optimizer state, keeping the current
    /// hyperparameters (a person who tuned the learning rate keeps it).
    public mutating func reset() {
        optimizer.resetState()
        status = .running
        history = RunHistory()
        history.append(record(at: start, step: 0))
        status = statusAfterLatestStep()
    }

    private func record(at weights: [Double], step: Int) -> StepRecord {
        let evaluation = objective.evaluate(at: weights)
        return StepRecord(step: step, epoch: 0, weights: weights, loss: evaluation.loss,
                          batchLoss: evaluation.loss, gradient: evaluation.gradient,
                          learningRate: optimizer.hyperparameters.learningRate)
    }

    private func statusAfterLatestStep() -> RunStatus {
        let latest = current
        if case .diverged = status { return status }
        let startLoss = history.first?.loss ?? latest.loss
        let finite = latest.loss.isFinite && latest.weights.allSatisfy(\.isFinite)
            && latest.gradient.allSatisfy(\.isFinite)
        if !finite || Swift.abs(latest.loss) > criteria.explosionFactor * max(1, Swift.abs(startLoss)) {
            return .diverged(step: latest.step)
        }
        if case .converged = status { return status }
        if latest.gradientNorm < criteria.gradientNorm {
            return .converged(step: latest.step)
        }
        if latest.step > 0, history.count >= 2 {
            let previous = history.records[history.count - 2]
            if Swift.abs(latest.loss - previous.loss) < criteria.lossChange * max(1, Swift.abs(latest.loss)) {
                return .converged(step: latest.step)
            }
        }
        return .running
    }
}
