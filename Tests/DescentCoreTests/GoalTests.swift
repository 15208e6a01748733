import DescentCore
import Testing

@Suite struct Goals {
    /// Plain descent on L(a) = a² from a = 1: a_k = (1 − 2η)^k.
    func parabola(learningRate: Double) -> TrainingRun {
        let model = OneWeightModel(input: 1, truth: 0)
        return TrainingRun(objective: model, start: [1], optimizer: Optimizer(.sgd, Hyperparameters(learningRate: learningRate)))
    }

    @Test func `a reach goal is reached at the first step within the distance`() {
        // η = 0.25: a_k = 0.5^k, so a_k ≤ 0.01 first at k = 7 (0.0078).
        let goal = Goal(.reach(point: [0], within: 0.01), steps: 10)
        var run = parabola(learningRate: 0.25)
        var tracker = GoalTracker(goal)
        for step in 0...12 {
            let status = tracker.update(with: run)
            let expected: GoalStatus = step < 7 ? .pending(stepsLeft: 10 - step) : .reached(step: 7)
            #expect(status == expected, "after step \(step)")
            #expect(goal.status(of: run) == expected, "from scratch after step \(step)")
            run.step()
        }
        #expect(GoalStatus.reached(step: 7).summary(for: goal) == "reached in 7 steps ✓")
        #expect(GoalStatus.pending(stepsLeft: 3).summary(for: goal) == "3 steps left")
        #expect(goal.summary == "reach (0) (within 0.01) in 10 steps")
    }

    @Test func `steps taken between updates are all checked`() {
        let goal = Goal(.loss(atMost: 1e-4), steps: 50)
        var run = parabola(learningRate: 0.25)
        var tracker = GoalTracker(goal)
        run.step(count: 40)
        // Loss a² = 0.25^k ≤ 1e-4 first at k = 7.
        #expect(tracker.update(with: run) == .reached(step: 7))
    }

    @Test func `a goal not met within its budget is missed, even if met later`() {
        let goal = Goal(.reach(point: [0], within: 0.01), steps: 5)
        var run = parabola(learningRate: 0.25)
        var tracker = GoalTracker(goal)
        run.step(count: 4)
        #expect(tracker.update(with: run) == .pending(stepsLeft: 1))
        run.step(count: 10)
        #expect(tracker.update(with: run) == .missed(steps: 5))
        #expect(GoalStatus.missed(steps: 5).summary(for: goal) == "missed: not reached in 5 steps ✗")
    }

    @Test func `divergence fails a reach goal and fulfils a divergence goal`() {
        // η = 1.5: a_k = (−2)^k, which explodes past 10⁶ × the start's loss.
        var run = parabola(learningRate: 1.5)
        run.step(count: 40)
        guard case .diverged(let step) = run.status else {
            Issue.record("expected divergence, got \(run.status)")
            return
        }
        let reach = Goal(.reach(point: [0], within: 0.01), steps: 30)
        let diverge = Goal(.diverge, steps: 30)
        #expect(reach.status(of: run) == .diverged(step: step))
        #expect(diverge.status(of: run) == .reached(step: step))
        #expect(GoalStatus.reached(step: step).summary(for: diverge) == "diverged at step \(step) ✓")
        #expect(Goal(.diverge, steps: step - 1).status(of: run) == .missed(steps: step - 1))
        #expect(diverge.summary == "watch it diverge within 30 steps")
    }

    @Test func `a run that goes back is checked again from its start`() {
        let goal = Goal(.reach(point: [0], within: 0.01), steps: 10)
        var run = parabola(learningRate: 0.25)
        var tracker = GoalTracker(goal)
        run.step(count: 8)
        #expect(tracker.update(with: run) == .reached(step: 7))
        run.reset()
        run.optimizer.hyperparameters.learningRate = 0.05
        #expect(tracker.update(with: run) == .pending(stepsLeft: 10))
        run.step(count: 10)
        #expect(tracker.update(with: run) == .missed(steps: 10))
    }

    @Test func `a different run (a restart) is checked from its own start`() {
        let goal = Goal(.reach(point: [0], within: 0.01), steps: 10)
        var tracker = GoalTracker(goal)
        let atGoal = TrainingRun(objective: OneWeightModel(input: 1, truth: 0), start: [0.001],
                                 optimizer: Optimizer(.sgd, Hyperparameters(learningRate: 0.25)))
        #expect(tracker.update(with: atGoal) == .reached(step: 0))
        #expect(tracker.update(with: parabola(learningRate: 0.25)) == .pending(stepsLeft: 10))
    }
}
