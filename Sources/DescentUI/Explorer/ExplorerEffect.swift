import DescentCore

/// Slow work an action asks for. `apply` only records it; the loop runs it
/// off the input thread (`EffectRunner`) and feeds what it finds back as
/// actions, so the explorer stays live. `descent render` and tests run it
/// in place with `ExplorerState.performEffectsNow()`.
public enum ExplorerEffect: Sendable {
    /// Final loss after `steps` steps for each rate, from the scenario's start
    /// with its current settings.
    case sweep(id: Int, scenario: Scenario, rates: [Double], steps: Int)
    /// A batch of random restarts continuing `restarts`.
    case restarts(RandomRestarts, count: Int, steps: Int, objective: any Objective, settings: TrainingSettings)

    /// Does the work, publishing progress and the result as actions.
    public func perform(publish: (ExplorerAction) -> Void, isCancelled: () -> Bool) {
        switch self {
        case .sweep(let id, let scenario, let rates, let steps):
            var points: [SweepResult.Point] = []
            _ = LearningRateSweep.runs(of: scenario, rates: rates, steps: steps, isCancelled: isCancelled) { rate, run in
                points.append(SweepResult.Point(learningRate: rate, finalLoss: run.current.loss, status: run.status))
                publish(.sweepProgressed(SweepResult(id: id, rates: rates, steps: steps, points: points)))
            }
        case .restarts(var restarts, let count, let steps, let objective, let settings):
            let report = restarts.runBatch(restarts: count, steps: steps, objective: objective, settings: settings)
            if !isCancelled() { publish(.restartsFinished(restarts, report, steps: steps)) }
        }
    }
}
