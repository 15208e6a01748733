#if canImport(Glibc)
import Glibc
#endif

/// How the learning rate changes over a run: the base rate (the optimizer's
/// `learningRate`) times a factor that depends on the update count.
///
/// The schedules are `torch.optim.lr_scheduler`'s, with `scheduler.step()`
/// called after every optimizer step: update k (counting from 0) uses the
/// rate torch's scheduler gives after k scheduler steps. The closed forms
/// below are torch's own (`_get_closed_form_lr`); torch's chained updates
/// agree with them to rounding (within 1e-13 relative over the fixture's
/// 40 steps, `ScheduleTorchReferenceTests`).
///
/// The base is read at every update, so a person who doubles the learning
/// rate mid-run doubles every later scheduled rate (as if torch's `base_lrs`
/// were edited).
public enum LearningRateSchedule: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// ηₖ = η.
    case constant
    /// Step decay (`StepLR(step_size: every, gamma: factor)`):
    ///
    ///     ηₖ = η · factor^⌊k / every⌋        every ≥ 1, factor in (0, 1]
    case step(every: Int, factor: Double)
    /// Exponential decay (`ExponentialLR(gamma: factor)`):
    ///
    ///     ηₖ = η · factor^k                  factor in (0, 1]
    case exponential(factor: Double)
    /// Cosine annealing (`CosineAnnealingLR(T_max: period, eta_min: minimum)`):
    ///
    ///     ηₖ = η_min + (η − η_min) · (1 + cos(π·k / period)) / 2     period ≥ 1, η_min ≥ 0
    ///
    /// Like torch's, past `period` steps the rate rises again (period 2·period);
    /// choose a period at least as long as the run for a single decay.
    /// Source: Loshchilov & Hutter, "SGDR" (2017).
    case cosine(period: Int, minimum: Double)

    /// The learning rate of update `step` (0 is the first) for base rate `base`.
    public func learningRate(at step: Int, base: Double) -> Double {
        switch self {
        case .constant:
            return base
        case .step(let every, let factor):
            return base * pow(factor, Double(step / max(1, every)))
        case .exponential(let factor):
            return base * pow(factor, Double(step))
        case .cosine(let period, let minimum):
            let period = Double(max(1, period))
            return minimum + (base - minimum) * (1 + cos(Double.pi * Double(step) / period)) / 2
        }
    }

    /// The command-line notation: `constant`, `step:EVERY:FACTOR`,
    /// `exponential:FACTOR`, `cosine:PERIOD` or `cosine:PERIOD:MINIMUM`.
    public var description: String {
        switch self {
        case .constant: "constant"
        case .step(let every, let factor): "step:\(every):\(Self.shortest(factor))"
        case .exponential(let factor): "exponential:\(Self.shortest(factor))"
        case .cosine(let period, let minimum):
            minimum == 0 ? "cosine:\(period)" : "cosine:\(period):\(Self.shortest(minimum))"
        }
    }

    /// What is wrong with the parameters, or nil when they are in range.
    public var problem: String? {
        switch self {
        case .constant:
            return nil
        case .step(let every, let factor):
            if every < 1 { return "the step interval must be a whole number ≥ 1, got \(every)" }
            return Self.factorProblem(factor)
        case .exponential(let factor):
            return Self.factorProblem(factor)
        case .cosine(let period, let minimum):
            if period < 1 { return "the cosine period must be a whole number ≥ 1, got \(period)" }
            if !(minimum >= 0) || !minimum.isFinite { return "the cosine minimum must be ≥ 0, got \(minimum)" }
            return nil
        }
    }

    private static func factorProblem(_ factor: Double) -> String? {
        factor > 0 && factor <= 1 ? nil : "the decay factor must be in (0, 1], got \(shortest(factor))"
    }

    private static func shortest(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
