/// Where a run stands against its scenario's goal.
public enum GoalStatus: Sendable, Equatable {
    /// Not met yet, with `stepsLeft` steps of the budget to go.
    case pending(stepsLeft: Int)
    /// Met at `step` (for a divergence goal: diverged at `step`).
    case reached(step: Int)
    /// The budget of `steps` is used up without meeting it.
    case missed(steps: Int)
    /// The run diverged at `step` before meeting it.
    case diverged(step: Int)

    /// Whether more steps can no longer change the outcome.
    public var isSettled: Bool {
        if case .pending = self { return false }
        return true
    }

    public var isReached: Bool {
        if case .reached = self { return true }
        return false
    }

    /// One short line for a status bar: "reached in 23 steps ✓",
    /// "37 steps left", "missed: not reached in 60 steps ✗",
    /// "diverged at step 12 ✗". `goal` words the divergence goal's success
    /// ("diverged at step 12 ✓").
    public func summary(for goal: Goal) -> String {
        switch self {
        case .pending(let stepsLeft):
            return "\(stepsLeft) \(stepsLeft == 1 ? "step" : "steps") left"
        case .reached(let step):
            if goal.isDivergence { return "diverged at step \(step) ✓" }
            return "reached in \(step) \(step == 1 ? "step" : "steps") ✓"
        case .missed(let steps):
            return goal.isDivergence ? "still finite after \(steps) steps ✗" : "missed: not reached in \(steps) steps ✗"
        case .diverged(let step):
            return "diverged at step \(step) ✗"
        }
    }
}

extension GoalStatus {
    /// The most successful of several runs' statuses (a race): the earliest
    /// reached, else a pending one with the most steps left, else the first
    /// missed or diverged; nil for none.
    public static func best(_ statuses: [GoalStatus]) -> GoalStatus? {
        func rank(_ status: GoalStatus) -> (Int, Int) {
            switch status {
            case .reached(let step): (0, step)
            case .pending(let stepsLeft): (1, -stepsLeft)
            case .missed, .diverged: (2, 0)
            }
        }
        return statuses.min { rank($0) < rank($1) }
    }
}
