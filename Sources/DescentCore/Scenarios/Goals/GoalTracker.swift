/// Checks a goal against a run as it grows, looking only at the records
/// added since the last check, so the explorer can call `update(with:)`
/// every frame for the cost of the steps taken in between.
///
/// A run that went back (reset, rewind) is noticed by its step count, and
/// a different run (a restart) by its start; either is checked again from
/// its start. Once settled (reached, missed, diverged) the status stays
/// until the run goes back or is replaced.
public struct GoalTracker: Sendable {
    public let goal: Goal
    public private(set) var status: GoalStatus
    /// The last step checked; −1 before the first update.
    private var checkedThrough = -1
    /// The start of the run checked so far.
    private var start: [Double] = []

    public init(_ goal: Goal) {
        self.goal = goal
        status = .pending(stepsLeft: goal.steps)
    }

    /// The goal's status after the run's latest step.
    ///
    /// - Complexity: O(records added since the last update × weights);
    ///   O(records kept) after a reset, rewind or restart.
    @discardableResult
    public mutating func update(with run: TrainingRun) -> GoalStatus {
        let latest = run.stepCount
        if latest < checkedThrough || run.start != start {
            checkedThrough = -1
            start = run.start
            status = .pending(stepsLeft: goal.steps)
        }
        if status.isSettled || latest == checkedThrough { return status }
        if !goal.isDivergence {
            let records = run.history.records
            var first = records.count
            while first > 0, records[first - 1].step > checkedThrough { first -= 1 }
            for record in records[first...] where record.step <= goal.steps && goal.isMet(by: record) {
                status = .reached(step: record.step)
                checkedThrough = latest
                return status
            }
        }
        checkedThrough = latest
        if case .diverged(let step) = run.status, step <= goal.steps {
            status = goal.isDivergence ? .reached(step: step) : .diverged(step: step)
        } else if latest >= goal.steps {
            status = .missed(steps: goal.steps)
        } else {
            status = .pending(stepsLeft: goal.steps - latest)
        }
        return status
    }
}
