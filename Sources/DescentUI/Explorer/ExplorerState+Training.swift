import DescentCore

// The training controls: optimizer, batch size, schedule, clipping, rewind
// and random restarts. Each changes the active run from its next step on.
extension ExplorerState {
    mutating func applyTraining(_ action: ExplorerAction) {
        switch action {
        case .cycleOptimizer:
            let kinds = OptimizerKind.allCases
            let index = kinds.firstIndex(of: run.optimizer.kind) ?? 0
            apply(.setOptimizer(kinds[(index + 1) % kinds.count]))
        case .setOptimizer(let kind):
            runs[activeRunIndex].optimizer.kind = kind
            var note = ""
            if (kind == .momentum || kind == .nesterov) && run.optimizer.hyperparameters.momentum == 0 {
                runs[activeRunIndex].optimizer.hyperparameters.momentum = 0.9
                note = ", momentum 0.9"
            }
            message = "\(kind.displayName)\(forActiveRun) from the next step on (learning rate "
                + "\(Format.exact(run.optimizer.hyperparameters.learningRate))\(note)); its state carries on."
        case .cycleBatchSize:
            let count = run.objective.sampleCount
            guard count > 1 else {
                message = count == 1
                    ? "One sample: full batch and stochastic are the same here; every step uses it."
                    : "This loss is a formula with no samples: every step sees all of it."
                return
            }
            let mini = BatchSize.minibatch(max(2, count / 4))
            let next: BatchSize = switch run.batchSize {
            case .full: count / 4 >= 2 && count > 2 ? mini : .stochastic
            case .minibatch(1): .full
            case .minibatch: .stochastic
            }
            apply(.setBatchSize(next))
        case .setBatchSize(let size):
            guard run.objective.sampleCount > 0 || size == .full else {
                message = "This loss is a formula with no samples: every step sees all of it."
                return
            }
            for index in runs.indices { runs[index].batchSize = size }
            message = switch size {
            case .full where run.objective.sampleCount == 1: "Full batch: every step's gradient uses the one sample."
            case .full: "Full batch: every step's gradient uses all \(run.objective.sampleCount) samples."
            case .minibatch(1): "Stochastic: every step's gradient uses one sample; cheap, and noisy."
            case .minibatch(let k): "Mini-batches of \(k): cheaper steps, a noisier path; reshuffled every epoch."
            }
        case .setSchedule(let schedule):
            runs[activeRunIndex].schedule = schedule
            message = schedule == .constant
                ? "Constant learning rate from the next step on."
                : "Schedule \(schedule)\(forActiveRun): the rate changes with the step count."
        case .setClipping(let limit):
            runs[activeRunIndex].gradientClipping = limit
            message = limit.map { "Gradients longer than \(Format.exact($0)) are scaled down to that length." }
                ?? "Gradient clipping off."
        case .rewind(let steps):
            let target = max(0, run.stepCount - steps)
            for index in runs.indices { runs[index].rewind(to: target) }
            isPlaying = false
            if backwardStepsShown != nil { backwardStepsShown = 0 }
            message = "Back at step \(run.stepCount), exactly as it was; change a setting here to branch."
        case .restart:
            guard !isRace else {
                message = "Restarts work on a single run, not a race."
                return
            }
            var restarts = self.restarts ?? newRestarts()
            runs[0] = restarts.restart(after: runs[0])
            self.restarts = restarts
            isPlaying = false
            let start = zip(run.objective.parameterNames, run.start).prefix(2)
                .map { "\($0.0) \(Format.number($0.1))" }.joined(separator: ", ")
            message = "Restart \(restarts.drawn) from a random start (\(start)); earlier runs stay on the map, dim."
        case .runRestarts(let count, let steps):
            guard !isRace else {
                message = "Restarts work on a single run, not a race."
                return
            }
            guard !isRunningRestarts else {
                message = "Restarts are still running."
                return
            }
            let restarts = self.restarts ?? newRestarts()
            effects.append(.restarts(restarts, count: count, steps: steps, objective: run.objective,
                                     settings: run.settings))
            isRunningRestarts = true
            message = "Running \(Format.counted(count, "restart")) of \(Format.counted(steps, "step"))…"
        case .setHyperparameter(let knob, let value):
            switch knob {
            case .alpha: runs[activeRunIndex].optimizer.hyperparameters.alpha = value
            case .beta1: runs[activeRunIndex].optimizer.hyperparameters.beta1 = value
            case .beta2: runs[activeRunIndex].optimizer.hyperparameters.beta2 = value
            case .epsilon: runs[activeRunIndex].optimizer.hyperparameters.epsilon = value
            }
            let usedBy = knob.optimizers.map(\.displayName).joined(separator: " and ")
            let verb = knob.optimizers.count == 1 ? "uses" : "use"
            let note = knob.optimizers.contains(run.optimizer.kind) ? "" : " (only \(usedBy) \(verb) it)"
            message = "\(knob.rawValue) \(Format.exact(value))\(forActiveRun) from the next step on\(note)."
        case .setSeed(let seed):
            scenario.training.seed = seed
            for index in runs.indices {
                var settings = runs[index].settings
                settings.seed = seed
                runs[index] = TrainingRun(objective: runs[index].objective, start: runs[index].start, settings: settings)
            }
            restarts = nil
            isPlaying = false
            message = "Seed \(seed): the run starts over with a new batch order, and restarts draw new starts."
        case .setRestartTolerance(let tolerance):
            restartTolerance = tolerance
            restarts?.tolerance = tolerance
            message = "A restart counts as at a minimum within \(Format.exact(tolerance)) of it."
        default:
            preconditionFailure("applyTraining(_:) handles only the training actions")
        }
    }

    /// Restarts over the scenario, seeded by its seed, judged with the
    /// tolerance set by `:tolerance` or the scenario's own.
    private func newRestarts() -> RandomRestarts {
        RandomRestarts(scenario: scenario, seed: scenario.training.seed,
                       tolerance: restartTolerance ?? scenario.restarts?.tolerance ?? 0.01)
    }

    /// "20 restarts of 200 steps: 7 reached the global minimum, 10 a local
    /// one (6 different), 2 none, 1 diverged; best loss 0.0123": each run
    /// counted once. Without known minima there is nothing to count against,
    /// and the message says so instead of "0 reached the global minimum".
    static func describe(_ report: RestartReport, steps: Int) -> String {
        var text = "\(Format.counted(report.outcomes.count, "restart")) of \(Format.counted(steps, "step"))"
        let diverged = report.divergedCount > 0 ? "\(report.divergedCount) diverged" : nil
        if report.minima.isEmpty {
            text += " (no known minimum to count them against" + (diverged.map { "; " + $0 } ?? "") + ")"
        } else {
            // " (k different)" when the outcomes ended in more than one minimum.
            func tally(_ outcomes: [RestartOutcome]) -> String {
                let different = Set(outcomes.compactMap(\.minimumIndex)).count
                return different > 1 ? " (\(different) different)" : ""
            }
            let globals = report.outcomes.filter(\.reachedGlobalMinimum)
            let locals = report.outcomes.filter { $0.minimumIndex != nil && !$0.reachedGlobalMinimum }
            let severalGlobal = report.minima.filter(\.isGlobal).count > 1
            text += ": \(globals.count) reached " + (severalGlobal ? "a global minimum" + tally(globals) : "the global minimum")
            if report.minima.contains(where: { !$0.isGlobal }) {
                text += ", \(locals.count) a local one" + tally(locals)
            }
            text += ", \(report.strandedCount) none" + (diverged.map { ", " + $0 } ?? "")
        }
        if let best = report.best { text += "; best loss \(Format.number(best.finalLoss))" }
        return text + "."
    }
}
