/// Why a run diverged, read off the record where it stopped, so the
/// explorer and `descent run` say what happened instead of always blaming
/// the learning rate: a loss that explodes is an overshoot, but a loss or a
/// gradient that is not a number at ordinary weights is the formula's doing.
public enum DivergenceCause: Sendable, Equatable {
    /// The loss grew past the explosion threshold or to infinity, or a
    /// weight overflowed: steps too long for the surface's curvature.
    case lossExploded
    /// The loss is not a number at these weights: the formula is undefined
    /// there (the log of a negative number, 0/0).
    case lossUndefined
    /// The loss is a number but its gradient is not: a sharp tip or the edge
    /// of the formula's domain, where no derivative exists (Ackley's minimum,
    /// √x at 0).
    case gradientUndefined

    /// Classifies the record a run diverged at. The checks go from the
    /// weights outwards: overflowed weights explain everything after them.
    public init(record: StepRecord, explosionThreshold: Double) {
        let losses = [record.loss, record.batchLoss]
        if !record.weights.allSatisfy(\.isFinite) {
            self = .lossExploded
        } else if losses.contains(where: \.isNaN) {
            self = .lossUndefined
        } else if losses.contains(where: { !$0.isFinite || Swift.abs($0) > explosionThreshold }) {
            self = .lossExploded
        } else if !record.gradient.allSatisfy(\.isFinite) {
            self = .gradientUndefined
        } else {
            self = .lossExploded
        }
    }

    /// What happened, in a few words: "the loss exploded".
    public var explanation: String {
        switch self {
        case .lossExploded: "the loss exploded"
        case .lossUndefined: "the loss is not a number there"
        case .gradientUndefined: "the loss has no gradient there"
        }
    }
}

extension TrainingRun {
    /// Why the run diverged; nil while it has not.
    public var divergenceCause: DivergenceCause? {
        guard status.hasDiverged else { return nil }
        let threshold = criteria.explosionFactor * max(1, Swift.abs(state.startLoss))
        return DivergenceCause(record: current, explosionThreshold: threshold)
    }
}
