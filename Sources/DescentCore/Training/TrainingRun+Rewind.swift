// Rewind is exact by replay: restore the latest checkpoint at or before the
// target, then replay the logged settings up to it (see TrainingRun.swift).

extension TrainingRun {
    /// Goes back `steps` steps (to the start at most), exactly: weights,
    /// optimizer state, sampler state, status and settings are what they
    /// were, so stepping `steps` again reproduces the same bits.
    ///
    /// - Complexity: replays at most `checkpointInterval` steps while the
    ///   target is among the recent 4,096 steps; further back, at most the
    ///   spacing of the older checkpoints (which doubles as a run grows).
    public mutating func rewind(steps: Int) {
        rewind(to: max(0, stepCount - max(0, steps)))
    }

    /// Goes back to step `target` (no change if it is not behind the current
    /// step). The settings become those the run used for the update from
    /// `target` onwards, so rewinding is an undo: stepping forward again
    /// retraces the same path. Records after `target` are forgotten.
    public mutating func rewind(to target: Int) {
        let target = max(0, target)
        guard target < stepCount else { return }
        guard let checkpoint = checkpoints.last(atOrBefore: target) else {
            preconditionFailure("step 0 is always checkpointed")
        }
        state = checkpoint.state
        optimizer = checkpoint.optimizer
        checkpoints.removeAll(fromStep: checkpoint.step + 1)
        history.removeAll(fromStep: checkpoint.step)
        history.append(state.record)
        while state.record.step < target {
            advance(with: loggedSettings(forUpdate: state.record.step))
        }
        settingsLog.removeAll { $0.update > target }
        apply(loggedSettings(forUpdate: target))
    }

    /// The settings update `update` used (or will use, for the next one).
    private func loggedSettings(forUpdate update: Int) -> TrainingSettings {
        settingsLog.last { $0.update <= update }?.settings ?? settingsLog[0].settings
    }

    /// How many checkpoints the run holds (bounded, like the history).
    public var checkpointCount: Int { checkpoints.elements.count }
}
