/// What a scenario asks of a run, within a budget of steps: reach a point,
/// bring the loss down, or (where divergence is the lesson) diverge.
///
/// A goal is checked against each record of a run in order; it is reached
/// at the first step (0 is the start) whose record meets the condition, if
/// that step is within the budget. `GoalTracker` does this incrementally, so
/// the explorer can check it every frame.
public struct Goal: Sendable, Equatable {
    /// The condition a record must meet.
    public enum Condition: Sendable, Equatable {
        /// The weights within `distance` of `point` (Euclidean, over every
        /// weight): ‖w − point‖₂ ≤ distance.
        case reach(point: [Double], within: Double)
        /// The loss over all the data at or below `threshold`.
        case loss(atMost: Double)
        /// The run diverges (its loss explodes or stops being a number).
        case diverge
    }

    public let condition: Condition
    /// The budget: the goal must be met by this step (≥ 1).
    public let steps: Int
    /// What the reached point is called ("the global minimum", "(0, 0)"),
    /// for `summary`; nil for goals that are not about a point.
    public let targetName: String?

    public init(_ condition: Condition, steps: Int, targetName: String? = nil) {
        precondition(steps >= 1, "a goal needs a budget of at least one step")
        self.condition = condition
        self.steps = steps
        self.targetName = targetName
    }

    /// Whether `record` meets the condition (the budget aside).
    ///
    /// - Complexity: O(number of weights).
    public func isMet(by record: StepRecord) -> Bool {
        switch condition {
        case .reach(let point, let within):
            guard record.weights.count == point.count else { return false }
            var sum = 0.0
            for (w, p) in zip(record.weights, point) { sum += (w - p) * (w - p) }
            return sum.squareRoot() <= within
        case .loss(let atMost):
            return record.loss <= atMost
        case .diverge:
            return false
        }
    }

    /// Whether divergence is what the goal asks for.
    public var isDivergence: Bool { condition == .diverge }

    /// The goal in words: "reach the global minimum (within 0.01) in 60
    /// steps", "bring the loss to 0.05 or below in 200 steps", "watch it
    /// diverge within 30 steps".
    public var summary: String {
        let budget = "\(steps) \(steps == 1 ? "step" : "steps")"
        switch condition {
        case .reach(let point, let within):
            let name = targetName ?? "(" + point.map(Self.number).joined(separator: ", ") + ")"
            return "reach \(name) (within \(Self.number(within))) in \(budget)"
        case .loss(let atMost):
            return "bring the loss to \(Self.number(atMost)) or below in \(budget)"
        case .diverge:
            return "watch it diverge within \(budget)"
        }
    }

    /// The status of `run` against this goal, from its whole history.
    /// Records thinned out of a long history are not seen.
    ///
    /// - Complexity: O(records kept × weights).
    public func status(of run: TrainingRun) -> GoalStatus {
        var tracker = GoalTracker(self)
        return tracker.update(with: run)
    }

    /// A number in its shortest exact form (`0.01`, `4`, `-1.5`).
    static func number(_ x: Double) -> String {
        if x.rounded() == x && abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
