/// Where a run stands. Divergence is a state the explorer shows, never an error.
public enum RunStatus: Sendable, Equatable {
    case running
    /// The gradient norm or the change in loss fell below its tolerance at `step`.
    case converged(step: Int)
    /// The loss became non-finite or exploded at `step`; the run stops there.
    case diverged(step: Int)

    public var hasDiverged: Bool {
        if case .diverged = self { return true }
        return false
    }

    public var hasConverged: Bool {
        if case .converged = self { return true }
        return false
    }

    /// "running", "converged" or "diverged".
    public var name: String {
        switch self {
        case .running: "running"
        case .converged: "converged"
        case .diverged: "diverged"
        }
    }
}

/// When a run counts as converged or diverged.
///
/// Converged once ‖gradient‖ < `gradientNorm`, or once the full-data loss
/// changes by less than `lossChange · max(1, |loss|)` in one step where
/// ‖gradient‖ < `stillLossGradientNorm` too (a learning rate too small to
/// move the weights leaves the loss still on a steep slope: that run has
/// stalled, not converged, and stays running); it stays
/// converged (and keeps stepping) unless it later diverges. Diverged when
/// the loss, the batch loss, a weight or a gradient component is not finite,
/// or when |loss| exceeds `explosionFactor · max(1, |starting loss|)`; a
/// diverged run takes no more steps.
public struct StoppingCriteria: Sendable, Equatable {
    /// Converged when ‖gradient‖ falls below this.
    public var gradientNorm: Double
    /// Converged when |Δloss| falls below this times max(1, |loss|).
    public var lossChange: Double
    /// A still loss counts as convergence only where ‖gradient‖ is below this.
    public var stillLossGradientNorm: Double
    /// Diverged when |loss| exceeds this times max(1, |starting loss|).
    public var explosionFactor: Double

    public init(gradientNorm: Double = 1e-6, lossChange: Double = 1e-12, stillLossGradientNorm: Double = 1e-3,
                explosionFactor: Double = 1e6) {
        self.gradientNorm = gradientNorm
        self.lossChange = lossChange
        self.stillLossGradientNorm = stillLossGradientNorm
        self.explosionFactor = explosionFactor
    }
}
